package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte-level reader against Jackson (through Vert.x's JsonObject) as the reference: random strings with escapes,
 * non-ASCII text and surrogate pairs at every offset relative to the eight-byte steps, and refusals of bad strings.
 */
class JsonCursorTest {

  private static final String ALPHABET = "ab\"\\/\b\f\n\r\t\u0001\u001fé Đắk Lắk 😀 {}[]:,0123456789";

  @Test
  void readsStringsExactlyAsJacksonDoes() {
    Random random = new Random(7);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int k = 0; k < length; k++) {
        text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
            random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
      }
      String json = new JsonObject().put("data", text.toString()).encode();
      if (random.nextBoolean()) {
        json = json.replace("é", "\\u00e9").replace("😀", "\\ud83d\\ude00"); // escaped forms too
      }
      byte[] bytes = (" ".repeat(random.nextInt(9)) + json).getBytes(StandardCharsets.UTF_8);
      byte[] frameBytes = ("{\"type\":\"x\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
      Frame frame = FrameReader.read(frameBytes, 0, frameBytes.length, new Scratch());
      assertThat(frame).isNotNull();
      String read = new String(frame.data(), frame.dataOffset(), frame.dataLength(), StandardCharsets.UTF_8);
      assertThat(read).as(json).isEqualTo(text.toString());

      JsonCursor c = new JsonCursor(bytes, 0, bytes.length);
      c.expect('{');
      assertThat(c.readString()).isEqualTo("data");
      c.expect(':');
      c.ws();
      assertThat(c.readString()).as(json).isEqualTo(text.toString());
      c.expect('}');
      assertThat(c.atEnd()).isTrue();
    }
  }

  @Test
  void refusesBadStringsWherever8ByteStepsFallTheyAre() {
    for (int pad = 0; pad < 10; pad++) {
      String p = "x".repeat(pad);
      for (String bad : new String[] {"\"" + p + "\u0001\"", "\"" + p, "\"" + p + "\\", "\"" + p + "\\q\"",
          "\"" + p + "\\u12\"", "\"" + p + "\\u12G4\""}) {
        byte[] bytes = ("{\"type\":\"stats-entry\",\"data\":" + bad + "}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FrameReader.read(bytes, 0, bytes.length, new Scratch())).as(bad)
            .isInstanceOf(ProtocolException.class);
        JsonCursor c = new JsonCursor(bad.getBytes(StandardCharsets.UTF_8), 0, bad.length());
        assertThatThrownBy(() -> c.skipValue(0)).as(bad).isInstanceOf(ProtocolException.class);
      }
    }
  }

  @Test
  void numbersKeepTheirKindAndRefuseHalfWrittenForms() {
    byte[] ok = "[-0, 12345678901234567, 1.5e3, 123456789012345678901, -2E-2]".getBytes(StandardCharsets.UTF_8);
    JsonCursor c = new JsonCursor(ok, 0, ok.length);
    c.expect('[');
    assertThat(c.readNumber()).isEqualTo(0L);
    c.expect(',');
    c.ws();
    assertThat(c.readNumber()).isEqualTo(12345678901234567L);
    c.expect(',');
    c.ws();
    assertThat(c.readDouble()).isEqualTo(1500.0);
    c.expect(',');
    c.ws();
    assertThat(c.readNumber()).isEqualTo(1.2345678901234568e20);
    c.expect(',');
    c.ws();
    assertThat(c.readDouble()).isEqualTo(-0.02);
    for (String bad : new String[] {"-", "1.", "1e", "1e+", "-x"}) {
      byte[] b = bad.getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> new JsonCursor(b, 0, b.length).readNumber()).as(bad)
          .isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void decimalsReadExactlyAsJavaParsesThem() {
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n < 20_000; n++) {
      String text;
      switch (n % 4) {
        case 0 -> text = String.valueOf(random.nextDouble());
        case 1 -> text = String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble() * 100);
        case 2 -> text = "-0." + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000_000L);
        default -> text = (random.nextInt(1000)) + "." + String.valueOf(random.nextInt(1_000_000_000));
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(new JsonCursor(bytes, 0, bytes.length).readDouble()).as(text).isEqualTo(Double.parseDouble(text));
    }
  }
}
