package vn.hoinghi.collector.rtcstats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/** Reads the outer JSON object of an rtcstats frame without building a tree. */
public final class FrameReader {

  private static final int MAX_SESSION_ID = 128;

  private FrameReader() {}

  public static Frame read(byte[] bytes, int offset, int length) {
    try (JsonParser p = Json.FACTORY.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ProtocolException(CloseReason.BAD_FRAME, "frame is not a JSON object");
      }
      String sessionId = null;
      String type = null;
      char[] data = null;
      boolean structured = false;
      for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "statsSessionId" -> sessionId = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "data" -> {
            if (v == JsonToken.VALUE_STRING) {
              data = Arrays.copyOfRange(p.getTextCharacters(), p.getTextOffset(),
                  p.getTextOffset() + p.getTextLength());
            } else {
              structured = v.isStructStart();
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new ProtocolException(CloseReason.BAD_JSON, "trailing data after the frame");
      }
      if (type == null) {
        throw new ProtocolException(CloseReason.BAD_FRAME, "frame has no type");
      }
      if (sessionId != null && sessionId.length() > MAX_SESSION_ID) {
        throw new ProtocolException(CloseReason.BAD_FRAME, "statsSessionId too long");
      }
      return new Frame(sessionId, type, data, structured);
    } catch (IOException e) {
      throw new ProtocolException(CloseReason.BAD_JSON, e.getMessage());
    }
  }
}
