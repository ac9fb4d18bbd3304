package vn.hoinghi.collector.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-serialised rtcstats frame with fixed-width holes for numbers (client stamp, seq, counters), so the load
 * generator spends a memcpy and a few digit writes per message instead of JSON encoding. Numbers are padded with
 * trailing spaces, which JSON allows, so every frame stays valid.
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
    fill(values, out, 0, new byte[4]);
    return out;
  }

  /**
   * Fills the holes of a copy of this text that starts at {@code start} in {@code out} and is masked with
   * {@code mask} (a WebSocket client frame's key; zeros for plain text).
   */
  void fill(long[] values, byte[] out, int start, byte[] mask) {
    for (int h = 0; h < holes.length; h++) {
      long v = values[h];
      int digits = 1;
      for (long rest = v / 10; rest > 0; rest /= 10) {
        digits++;
      }
      int at = holes[h];
      for (int i = digits - 1; i >= 0; i--) {
        out[start + at + i] = (byte) (('0' + v % 10) ^ mask[(at + i) & 3]);
        v /= 10;
      }
      for (int i = digits; i < WIDTH; i++) {
        out[start + at + i] = (byte) (' ' ^ mask[(at + i) & 3]);
      }
    }
  }
}
