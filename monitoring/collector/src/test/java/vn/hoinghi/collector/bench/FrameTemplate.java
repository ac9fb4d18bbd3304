package vn.hoinghi.collector.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-serialised rtcstats frame with fixed-width holes for numbers (client stamp, seq, counters), so the load
 * generator spends a memcpy and a few digit writes per message instead of JSON encoding. Numbers are padded with
 * leading spaces, which JSON allows, so every frame stays valid.
 */
final class FrameTemplate {

  static final int WIDTH = 13;
  private static final String HOLE = "#".repeat(WIDTH);

  private final byte[] bytes;
  private final int[] holes;
  private final String[] names;

  private FrameTemplate(byte[] bytes, int[] holes, String[] names) {
    this.bytes = bytes;
    this.holes = holes;
    this.names = names;
  }

  /** The JSON field name just before each hole (null for the clientTs and seq elements of the entry array). */
  String[] names() {
    return names.clone();
  }

  /** Builds a template from text containing {@link #hole()} markers, in the order values will be given. */
  static FrameTemplate of(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    List<Integer> at = new ArrayList<>();
    String s = new String(b, StandardCharsets.ISO_8859_1);
    for (int i = s.indexOf(HOLE); i >= 0; i = s.indexOf(HOLE, i + WIDTH)) {
      at.add(i);
    }
    String[] names = new String[at.size()];
    for (int h = 0; h < names.length; h++) {
      int colon = at.get(h) - 1;
      if (s.charAt(colon) == ':') {
        int end = s.lastIndexOf("\\\"", colon);
        int start = s.lastIndexOf("\\\"", end - 1);
        names[h] = s.substring(start + 2, end);
      }
    }
    return new FrameTemplate(b, at.stream().mapToInt(Integer::intValue).toArray(), names);
  }

  static String hole() {
    return HOLE;
  }

  int holes() {
    return holes.length;
  }

  int size() {
    return bytes.length;
  }

  /** The text with its holes unfilled. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** A copy with the holes filled by {@code values} (non-negative). */
  byte[] fill(long... values) {
    byte[] out = bytes.clone();
    fill(values, out, 0, glyphs((byte) 0));
    return out;
  }

  /** The bytes of '0'..'9' and ' ' masked with {@code mask}, for {@link #fill(long[], byte[], int, byte[])}. */
  static byte[] glyphs(byte mask) {
    byte[] g = new byte[11];
    for (int d = 0; d < 10; d++) {
      g[d] = (byte) (('0' + d) ^ mask);
    }
    g[10] = (byte) (' ' ^ mask);
    return g;
  }

  /**
   * Fills the holes of a copy of this text that starts at {@code start} in {@code out}, writing each byte as
   * {@code glyphs} has it (a WebSocket client frame masked with a key of four equal bytes; see {@link ClientFrame}).
   * Numbers are right-aligned, written from the last digit back in one pass; leading spaces are JSON whitespace.
   * Holes holding the same large value as the previous one (the message's timestamps) are copied, not rendered.
   */
  void fill(long[] values, byte[] out, int start, byte[] glyphs) {
    long rendered = -1;
    int renderedAt = -1;
    for (int h = 0; h < holes.length; h++) {
      long v = values[h];
      int at = start + holes[h];
      if (v == rendered) {
        System.arraycopy(out, renderedAt, out, at, WIDTH);
        continue;
      }
      int k = at + WIDTH - 1;
      long rest = v;
      do {
        out[k--] = glyphs[(int) (rest % 10)];
        rest /= 10;
      } while (rest > 0);
      while (k >= at) {
        out[k--] = glyphs[10];
      }
      if (v >= 1_000_000_000_000L) {
        rendered = v;
        renderedAt = at;
      }
    }
  }
}
