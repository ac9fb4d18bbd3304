package vn.hoinghi.collector.rtcstats;

/** Reads the outer JSON object of an rtcstats frame from its UTF-8 bytes, without building a tree. */
public final class FrameReader {

  private static final int MAX_SESSION_ID = 128;

  private FrameReader() {}

  /** Reads a frame; a stats-entry's {@code data} string is unescaped into {@code scratch} when it has escapes. */
  static Frame read(byte[] bytes, int offset, int length, Scratch scratch) {
    JsonCursor c = new JsonCursor(bytes, offset, offset + length);
    c.ws();
    if (c.i >= c.limit || c.b[c.i] != '{') {
      throw new ProtocolException(CloseReason.BAD_FRAME, "frame is not a JSON object");
    }
    c.i++;
    String sessionId = null;
    String type = null;
    byte[] data = null;
    int dataOffset = 0;
    int dataLength = 0;
    boolean structured = false;
    if (!c.tryConsume('}')) {
      do {
        String field = c.readString();
        c.expect(':');
        c.ws();
        boolean string = c.peek() == '"';
        switch (field) {
          case "statsSessionId" -> sessionId = string ? c.readString() : skip(c);
          case "type" -> type = string ? type(c) : skip(c);
          case "data" -> {
            structured = c.peek() == '{' || c.peek() == '[';
            data = null;
            if (string) {
              // one pass: copy and unescape (the raw length bounds the result; +8 for the last 8-byte store)
              data = scratch.data(c.limit - c.i + 8);
              dataOffset = 0;
              dataLength = c.readStringInto(data, 0);
            } else {
              c.skipValue(0);
            }
          }
          default -> c.skipValue(0);
        }
      } while (c.tryConsume(','));
      c.expect('}');
    }
    if (!c.atEnd()) {
      throw new ProtocolException(CloseReason.BAD_JSON, "trailing data after the frame");
    }
    if (type == null) {
      throw new ProtocolException(CloseReason.BAD_FRAME, "frame has no type");
    }
    if (sessionId != null && sessionId.length() > MAX_SESSION_ID) {
      throw new ProtocolException(CloseReason.BAD_FRAME, "statsSessionId too long");
    }
    return new Frame(sessionId, type, data, dataOffset, dataLength, structured);
  }

  /** The type, as the shared constant for the common ones (no string built per frame). */
  private static String type(JsonCursor c) {
    int start = c.i + 1;
    int end = c.skipString();
    if (c.sameAscii(start, end, Frame.STATS_ENTRY)) {
      return Frame.STATS_ENTRY;
    }
    return c.skippedText(start, end);
  }

  private static String skip(JsonCursor c) {
    c.skipValue(0);
    return null;
  }
}
