package vn.hoinghi.collector.rtcstats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader straight over UTF-8 bytes, for the frame, the stats-entry and the getstats payload. It exists
 * because a general parser spent most of the collector's time turning ~5 KB of escaped text into chars and ~200 field
 * names into strings per frame, when a few dozen values are kept: here a skipped value costs one pass over its bytes
 * and nothing is allocated for it. Malformed input throws {@link ProtocolException} with {@link CloseReason#BAD_JSON}.
 */
class JsonCursor extends ByteCursor {

  static final int MAX_DEPTH = 64;

  JsonCursor(byte[] bytes, int start, int limit) {
    super(bytes, start, limit);
  }

  /** A number as Long when integral and small enough, else Double. */
  final Object readNumber() {
    int start = i;
    return scanNumber() && i - start <= 18 ? (Object) integral(start) : fractional(start);
  }

  /** A number, unboxed: the per-field path of the getstats scanner. */
  final double readDouble() {
    int start = i;
    return scanNumber() && i - start <= 18 ? integral(start) : fractional(start);
  }

  private long integral(int start) {
    boolean negative = b[start] == '-';
    long v = 0;
    for (int k = negative ? start + 1 : start; k < i; k++) {
      v = v * 10 + (b[k] - '0');
    }
    return negative ? -v : v;
  }

  /** Exact powers of ten as doubles (10^22 is the last one a double holds exactly). */
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int k = 1; k < POW10.length; k++) {
      POW10[k] = POW10[k - 1] * 10;
    }
  }

  /**
   * A number with a fraction or exponent. Plain decimals of up to 15 digits (jitter 0.012, RTT 0.045: most of what
   * getstats sends) take the exact fast path: the digits as an integer below 2^53 divided by an exact power of ten
   * is correctly rounded by IEEE 754 itself. Anything else goes to {@link Double#parseDouble}, which allocated
   * more per frame than everything else the collector does.
   */
  private double fractional(int start) {
    int k = start;
    boolean negative = b[k] == '-';
    if (negative) {
      k++;
    }
    long digits = 0;
    int count = 0;
    int fraction = -1;
    for (; k < i; k++) {
      byte c = b[k];
      if (c == '.') {
        fraction = 0;
      } else if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
        if (fraction >= 0) {
          fraction++;
        }
      } else {
        break; // an exponent
      }
    }
    if (k == i && count <= 15 && fraction >= 0 && fraction < POW10.length) {
      double v = digits / POW10[fraction];
      return negative ? -v : v;
    }
    return Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
  }

  /** Moves past a JSON number, checking its syntax; true when it has neither fraction nor exponent. */
  private boolean scanNumber() {
    boolean integral = true;
    if (peek() == '-') {
      i++;
    }
    digits("digit expected");
    if (i < limit && b[i] == '.') {
      integral = false;
      i++;
      digits("digit expected after '.'");
    }
    if (i < limit && (b[i] == 'e' || b[i] == 'E')) {
      integral = false;
      i++;
      if (i < limit && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      digits("digit expected in exponent");
    }
    return integral;
  }

  private void digits(String missing) {
    int start = i;
    while (i < limit && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    if (i == start) {
      throw bad(missing);
    }
  }

  final Object readLiteral() {
    if (matches("true")) {
      return Boolean.TRUE;
    }
    if (matches("false")) {
      return Boolean.FALSE;
    }
    if (matches("null")) {
      return null;
    }
    throw bad("unexpected character");
  }

  private boolean matches(String word) {
    if (limit - i < word.length() || !sameAscii(i, i + word.length(), word)) {
      return false;
    }
    i += word.length();
    return true;
  }

  static boolean isNumberStart(byte ch) {
    return ch == '-' || (ch >= '0' && ch <= '9');
  }

  /** Any value: strings, numbers (Long/Double), booleans, null, structures as Map/List. */
  final Object readValue(int depth) {
    byte ch = peek();
    if (ch == '"') {
      int start = i + 1;
      int end = skipString();
      return skippedText(start, end);
    }
    if (ch == '{' || ch == '[') {
      return readTree(depth + 1);
    }
    if (isNumberStart(ch)) {
      return readNumber();
    }
    return readLiteral();
  }

  private Object readTree(int depth) {
    if (depth > MAX_DEPTH) {
      throw bad("nested too deep");
    }
    if (tryConsume('[')) {
      List<Object> list = new ArrayList<>();
      if (!tryConsume(']')) {
        do {
          ws();
          list.add(readValue(depth));
        } while (tryConsume(','));
        expect(']');
      }
      return list;
    }
    expect('{');
    Map<String, Object> map = new LinkedHashMap<>();
    if (!tryConsume('}')) {
      do {
        String key = readString();
        expect(':');
        ws();
        map.put(key, readValue(depth));
      } while (tryConsume(','));
      expect('}');
    }
    return map;
  }

  /** Moves past any value, checking its syntax, building nothing. */
  final void skipValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw bad("nested too deep");
    }
    byte ch = peek();
    if (ch == '"') {
      skipString();
    } else if (ch == '{' || ch == '[') {
      char close = ch == '{' ? '}' : ']';
      i++;
      if (tryConsume(close)) {
        return;
      }
      do {
        ws();
        if (ch == '{') {
          if (peek() != '"') {
            throw bad("field name expected");
          }
          skipString();
          expect(':');
          ws();
        }
        skipValue(depth + 1);
      } while (tryConsume(','));
      expect(close);
    } else if (isNumberStart(ch)) {
      scanNumber();
    } else {
      readLiteral();
    }
  }

}
