package vn.hoinghi.collector.rtcstats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A purpose-built reader for a getstats payload and the two numbers after it, straight from the entry's chars. A
 * generic tokenizer spent most of the collector's time naming and converting ~200 fields per frame of which a few
 * dozen are kept; this one skips what the {@link ReportFilter} drops without building strings or numbers for it.
 * Any malformed input throws {@link ProtocolException} ({@link CloseReason#BAD_JSON}).
 */
final class StatsScanner {

  private static final int MAX_DEPTH = 64;

  private final char[] c;
  private final int limit;
  private int i;

  StatsScanner(char[] chars, int start, int limit) {
    this.c = chars;
    this.i = start;
    this.limit = limit;
  }

  int position() {
    return i;
  }

  /** Reads {@code {reportId: {field: value…}…, "timestamp": n}} into {@code pc}. */
  void readGetStats(PeerConnectionStats pc, ReportFilter filter) {
    expect('{');
    pc.beginSample();
    double sampleTimestamp = Double.NaN;
    if (!tryConsume('}')) {
      do {
        String id = readString();
        expect(':');
        ws();
        if (peek() == '{') {
          StatsReport report = pc.report(id);
          if (report == null) {
            throw new ProtocolException(CloseReason.TOO_MANY_REPORTS, "more reports than allowed at " + id);
          }
          readReport(pc, filter, report);
        } else if ("timestamp".equals(id) && isNumberStart(peek())) {
          sampleTimestamp = ((Number) readNumber()).doubleValue();
        } else {
          skipValue(0);
        }
      } while (tryConsume(','));
      expect('}');
    }
    pc.endSample(sampleTimestamp);
  }

  private void readReport(PeerConnectionStats pc, ReportFilter filter, StatsReport report) {
    expect('{');
    if (tryConsume('}')) {
      return;
    }
    do {
      ws();
      if (peek() != '"') {
        throw bad("field name expected");
      }
      int start = i + 1;
      int end = skipString();
      String field = indexOfBackslash(start, end) >= 0 ? filter.keep(unescape(start, end))
          : filter.name(c, start, end - start);
      expect(':');
      ws();
      if (field == null || "id".equals(field)) {
        skipValue(0);
      } else {
        pc.put(report, field, readValue(0));
      }
    } while (tryConsume(','));
    expect('}');
  }

  /** Reads {@code , clientTs , seq ]} that follow the payload; returns {clientTs, seq}. */
  long[] readTail() {
    expect(',');
    ws();
    long clientTs = integral(readNumber(), "clientTs");
    expect(',');
    ws();
    long seq = integral(readNumber(), "seq");
    expect(']');
    ws();
    if (i != limit) {
      throw new ProtocolException(CloseReason.BAD_ENTRY, "stats-entry has extra elements");
    }
    return new long[] {clientTs, seq};
  }

  private static long integral(Object n, String what) {
    double d = ((Number) n).doubleValue();
    if (!Double.isFinite(d)) {
      throw new ProtocolException(CloseReason.BAD_ENTRY, what + " is not finite");
    }
    return n instanceof Long l ? l : (long) d;
  }

  private Object readValue(int depth) {
    char ch = peek();
    if (ch == '"') {
      int start = i + 1;
      int end = skipString();
      return indexOfBackslash(start, end) >= 0 ? unescape(start, end) : new String(c, start, end - start);
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

  private void skipValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw bad("nested too deep");
    }
    char ch = peek();
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
          skipString();
          expect(':');
          ws();
        }
        skipValue(depth + 1);
      } while (tryConsume(','));
      expect(close);
    } else if (isNumberStart(ch)) {
      readNumber();
    } else {
      readLiteral();
    }
  }

  private String readString() {
    ws();
    if (peek() != '"') {
      throw bad("string expected");
    }
    int start = i + 1;
    int end = skipString();
    return indexOfBackslash(start, end) >= 0 ? unescape(start, end) : new String(c, start, end - start);
  }

  /** Moves past a string starting at the quote under the cursor; returns the index of its closing quote. */
  private int skipString() {
    i++;
    while (i < limit) {
      char ch = c[i];
      if (ch == '"') {
        return i++;
      }
      if (ch == '\\') {
        i++;
      } else if (ch < 0x20) {
        throw bad("control character in string");
      }
      i++;
    }
    throw bad("unterminated string");
  }

  private int indexOfBackslash(int start, int end) {
    for (int k = start; k < end; k++) {
      if (c[k] == '\\') {
        return k;
      }
    }
    return -1;
  }

  private String unescape(int start, int end) {
    StringBuilder sb = new StringBuilder(end - start);
    for (int k = start; k < end; k++) {
      char ch = c[k];
      if (ch != '\\') {
        sb.append(ch);
        continue;
      }
      char e = c[++k];
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (k + 4 >= end + 1) {
            throw bad("short \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(new String(c, k + 1, 4), 16));
          } catch (NumberFormatException ex) {
            throw bad("bad \\u escape");
          }
          k += 4;
        }
        default -> throw bad("bad escape");
      }
    }
    return sb.toString();
  }

  private Object readNumber() {
    int start = i;
    boolean integral = true;
    if (peek() == '-') {
      i++;
    }
    int digitsStart = i;
    while (i < limit && c[i] >= '0' && c[i] <= '9') {
      i++;
    }
    if (i == digitsStart) {
      throw bad("digit expected");
    }
    if (i < limit && c[i] == '.') {
      integral = false;
      i++;
      while (i < limit && c[i] >= '0' && c[i] <= '9') {
        i++;
      }
    }
    if (i < limit && (c[i] == 'e' || c[i] == 'E')) {
      integral = false;
      i++;
      if (i < limit && (c[i] == '+' || c[i] == '-')) {
        i++;
      }
      while (i < limit && c[i] >= '0' && c[i] <= '9') {
        i++;
      }
    }
    if (integral && i - digitsStart <= 18) {
      long v = 0;
      for (int k = digitsStart; k < i; k++) {
        v = v * 10 + (c[k] - '0');
      }
      return c[start] == '-' ? -v : v;
    }
    try {
      return Double.parseDouble(new String(c, start, i - start));
    } catch (NumberFormatException e) {
      throw bad("bad number");
    }
  }

  private Object readLiteral() {
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
    if (limit - i < word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (c[i + k] != word.charAt(k)) {
        return false;
      }
    }
    i += word.length();
    return true;
  }

  private static boolean isNumberStart(char ch) {
    return ch == '-' || (ch >= '0' && ch <= '9');
  }

  private void ws() {
    while (i < limit && (c[i] == ' ' || c[i] == '\n' || c[i] == '\r' || c[i] == '\t')) {
      i++;
    }
  }

  private char peek() {
    if (i >= limit) {
      throw bad("unexpected end");
    }
    return c[i];
  }

  private boolean tryConsume(char ch) {
    ws();
    if (i < limit && c[i] == ch) {
      i++;
      return true;
    }
    return false;
  }

  private void expect(char ch) {
    if (!tryConsume(ch)) {
      throw bad("'" + ch + "' expected");
    }
  }

  private ProtocolException bad(String what) {
    return new ProtocolException(CloseReason.BAD_JSON, what + " at " + i);
  }
}
