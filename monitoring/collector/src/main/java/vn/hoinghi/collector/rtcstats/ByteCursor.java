package vn.hoinghi.collector.rtcstats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The lexical half of {@link JsonCursor}: a position in UTF-8 bytes, whitespace, punctuation and strings (skipped,
 * compared, decoded, or copied with escapes resolved). Strings are most of a frame's bytes, so they are scanned
 * eight bytes per step.
 */
abstract class ByteCursor {


  /** Eight bytes at a time, little-endian so that the lowest set flag is the first byte in the text. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  final byte[] b;
  final int limit;
  int i;
  /** Whether the string last passed by {@link #skipString()} had an escape (spares a second look at it). */
  boolean escaped;

  ByteCursor(byte[] bytes, int start, int limit) {
    this.b = bytes;
    this.i = start;
    this.limit = limit;
  }

  final int position() {
    return i;
  }

  final void ws() {
    while (i < limit) {
      byte ch = b[i];
      if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
        return;
      }
      i++;
    }
  }

  final byte peek() {
    if (i >= limit) {
      throw bad("unexpected end");
    }
    return b[i];
  }

  final boolean tryConsume(char ch) {
    if (i < limit && b[i] == ch) { // browsers send no whitespace: look before skipping any
      i++;
      return true;
    }
    ws();
    if (i < limit && b[i] == ch) {
      i++;
      return true;
    }
    return false;
  }

  final void expect(char ch) {
    if (!tryConsume(ch)) {
      throw bad("'" + ch + "' expected");
    }
  }

  /** True when only whitespace is left. */
  final boolean atEnd() {
    ws();
    return i == limit;
  }

  /** Moves past the string whose opening quote is under the cursor; returns the index of its closing quote. */
  final int skipString() {
    escaped = false;
    int k = nextSpecial(i + 1);
    while (k < limit) {
      byte ch = b[k];
      if (ch == '"') {
        i = k + 1;
        return k;
      }
      if (ch == '\\') {
        escaped = true;
        k = escapeEnd(k);
      } else if (ch >= 0 && ch < 0x20) {
        i = k;
        throw bad("control character in string");
      } else {
        k++;
      }
      k = nextSpecial(k);
    }
    i = limit;
    throw bad("unterminated string");
  }

  /** The index after the escape whose backslash is at {@code k}, checked as strictly as when it is resolved. */
  private int escapeEnd(int k) {
    if (k + 1 >= limit) {
      i = k;
      throw bad("unterminated string");
    }
    switch (b[k + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return k + 2;
      }
      case 'u' -> {
        hex4(k + 2, limit);
        return k + 6;
      }
      default -> {
        i = k;
        throw bad("bad escape");
      }
    }
  }

  /**
   * The index of the first byte from {@code k} that may end or escape a string (a quote, a backslash or a control
   * character), or {@code limit}. Tests eight bytes per step (SWAR): most of a frame is string contents.
   */
  private int nextSpecial(int k) {
    while (k + 8 <= limit) {
      long flags = special((long) LONGS.get(b, k));
      if (flags != 0) {
        return k + (Long.numberOfTrailingZeros(flags) >>> 3);
      }
      k += 8;
    }
    while (k < limit && b[k] != '"' && b[k] != '\\' && (b[k] < 0 || b[k] >= 0x20)) {
      k++;
    }
    return k;
  }

  /**
   * High bit set in each byte of {@code w} that is '"', '\\' or below 0x20. The lowest flagged byte is exact;
   * bytes above it may be flagged falsely (borrows), which only makes the caller look at them one by one.
   */
  private static long special(long w) {
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
    return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - 0x2020202020202020L) & ~w) & HIGHS;
  }

  /**
   * Reads the string whose opening quote is under the cursor into {@code out} from {@code outStart}, escapes
   * resolved, in one pass; returns the end index in {@code out}. {@code out} needs the raw length plus 8 bytes.
   */
  final int readStringInto(byte[] out, int outStart) {
    int k = i + 1;
    int o = outStart;
    while (true) {
      // copy eight bytes at a time up to the next byte that needs a look
      while (k + 8 <= limit) {
        long w = (long) LONGS.get(b, k);
        long flags = special(w);
        if (flags != 0) {
          int n = Long.numberOfTrailingZeros(flags) >>> 3;
          LONGS.set(out, o, w);
          k += n;
          o += n;
          break;
        }
        LONGS.set(out, o, w);
        k += 8;
        o += 8;
      }
      if (k >= limit) {
        i = limit;
        throw bad("unterminated string");
      }
      byte ch = b[k];
      if (ch == '"') {
        i = k + 1;
        return o;
      }
      if (ch == '\\' && k + 1 < limit && (b[k + 1] == '"' || b[k + 1] == '\\')) {
        out[o++] = b[k + 1]; // the common escapes of an embedded JSON text: its quotes and backslashes
        k += 2;
      } else if (ch == '\\') {
        int end = Math.min(limit, k + 12);
        int escapeEnd = k + 2 + (k + 1 < limit && b[k + 1] == 'u' ? 4 : 0);
        if (escapeEnd > limit) {
          i = k;
          throw bad("unterminated string");
        }
        if (b[k + 1] == 'u' && escapeEnd + 6 <= end && b[escapeEnd] == '\\' && b[escapeEnd + 1] == 'u'
            && Character.isHighSurrogate((char) hex4(k + 2, escapeEnd))) {
          escapeEnd += 6; // a surrogate pair is resolved together
        }
        o = unescape(k, escapeEnd, out, o);
        k = escapeEnd;
      } else if (ch >= 0 && ch < 0x20) {
        i = k;
        throw bad("control character in string");
      } else {
        out[o++] = ch;
        k++;
      }
    }
  }

  /** True when the raw bytes {@code [start, end)} are exactly this ASCII text. */
  final boolean sameAscii(int start, int end, String ascii) {
    if (end - start != ascii.length()) {
      return false;
    }
    for (int k = 0; k < ascii.length(); k++) {
      if (b[start + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of the string {@link #skipString()} last passed, whose raw contents are {@code [start, end)}, escapes
   * resolved. Its {@link #escaped} note spares a second look for backslashes, so call it before skipping another.
   */
  final String skippedText(int start, int end) {
    if (!escaped) {
      return new String(b, start, end - start, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[end - start];
    int n = unescape(start, end, out, 0);
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  final String readString() {
    ws();
    if (peek() != '"') {
      throw bad("string expected");
    }
    int start = i + 1;
    int end = skipString();
    return skippedText(start, end);
  }

  /**
   * Copies a string's raw contents {@code [start, end)} into {@code out} with escapes resolved (as UTF-8); returns
   * the number of bytes written, never more than {@code end - start}.
   */
  final int unescape(int start, int end, byte[] out, int outStart) {
    int o = outStart;
    for (int k = start; k < end; k++) {
      byte ch = b[k];
      if (ch != '\\') {
        out[o++] = ch;
        continue;
      }
      byte e = b[++k];
      switch (e) {
        case '"', '\\', '/' -> out[o++] = e;
        case 'b' -> out[o++] = '\b';
        case 'f' -> out[o++] = '\f';
        case 'n' -> out[o++] = '\n';
        case 'r' -> out[o++] = '\r';
        case 't' -> out[o++] = '\t';
        case 'u' -> {
          int unit = hex4(k + 1, end);
          k += 4;
          int codePoint = unit;
          if (Character.isHighSurrogate((char) unit) && k + 6 < end && b[k + 1] == '\\' && b[k + 2] == 'u') {
            int low = hex4(k + 3, end);
            if (Character.isLowSurrogate((char) low)) {
              codePoint = Character.toCodePoint((char) unit, (char) low);
              k += 6;
            }
          }
          o = utf8(Character.isSurrogate((char) codePoint) && codePoint < 0x10000 ? 0xFFFD : codePoint, out, o);
        }
        default -> throw bad("bad escape");
      }
    }
    return o;
  }

  private int hex4(int at, int end) {
    if (at + 4 > end) {
      throw bad("short \\u escape");
    }
    int v = 0;
    for (int k = at; k < at + 4; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        throw bad("bad \\u escape");
      }
      v = v << 4 | d;
    }
    return v;
  }

  private static int utf8(int cp, byte[] out, int o) {
    if (cp < 0x80) {
      out[o++] = (byte) cp;
    } else if (cp < 0x800) {
      out[o++] = (byte) (0xC0 | cp >> 6);
      out[o++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      out[o++] = (byte) (0xE0 | cp >> 12);
      out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
      out[o++] = (byte) (0x80 | cp & 0x3F);
    } else {
      out[o++] = (byte) (0xF0 | cp >> 18);
      out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
      out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
      out[o++] = (byte) (0x80 | cp & 0x3F);
    }
    return o;
  }

  final ProtocolException bad(String what) {
    return new ProtocolException(CloseReason.BAD_JSON, what + " at " + i);
  }
}
