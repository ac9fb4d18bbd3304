package vn.hoinghi.collector.rtcstats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the JSON string carried in a stats-entry frame, streaming a getstats payload into its peer connection. */
public final class EntryReader {

  private static final int MAX_PC_ID = 128;
  private static final int MAX_TEXT = 256;

  private EntryReader() {}

  public static StatsEntry read(char[] text, int offset, int length, PeerConnections pcs) {
    try (JsonParser p = Json.FACTORY.createParser(text, offset, length)) {
      expect(p.nextToken() == JsonToken.START_ARRAY, "stats-entry is not an array");
      expect(p.nextToken() == JsonToken.VALUE_STRING, "stats-entry name is not a string");
      String name = p.getText();
      JsonToken t = p.nextToken();
      String pcId = null;
      if (t == JsonToken.VALUE_STRING) {
        pcId = p.getText();
        expect(pcId.length() <= MAX_PC_ID, "pcId too long");
      } else {
        expect(t == JsonToken.VALUE_NULL, "pcId is neither a string nor null");
      }
      t = p.nextToken();
      String scalarText = null;
      if ("getstats".equals(name) && pcId != null && t == JsonToken.START_OBJECT) {
        // The bulk of every frame: read by the purpose-built scanner from the payload's first char to the end.
        PeerConnectionStats pc = pcs.stateOf(pcId);
        StatsScanner scanner = new StatsScanner(text, (int) p.currentTokenLocation().getCharOffset(),
            offset + length);
        scanner.readGetStats(pc, pc.filter());
        long[] tail = scanner.readTail();
        return new StatsEntry(name, pcId, null, tail[0], tail[1]);
      } else if (t == JsonToken.VALUE_STRING) {
        String s = p.getText();
        scalarText = s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
      } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else {
        expect(t != null && t != JsonToken.END_ARRAY, "stats-entry has no payload");
      }
      if ("close".equals(name) && pcId != null) {
        pcs.closed(pcId);
      }
      long clientTs = number(p, p.nextToken(), "clientTs");
      long seq = number(p, p.nextToken(), "seq");
      expect(p.nextToken() == JsonToken.END_ARRAY, "stats-entry has extra elements");
      return new StatsEntry(name, pcId, scalarText, clientTs, seq);
    } catch (IOException e) {
      throw new ProtocolException(CloseReason.BAD_JSON, "stats-entry data: " + e.getMessage());
    }
  }

  private static long number(JsonParser p, JsonToken t, String what) throws IOException {
    expect(t != null && t.isNumeric(), what + " is not a number");
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG
        || p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getLongValue(); // the common case, without a detour through double parsing
    }
    double d = p.getDoubleValue();
    expect(Double.isFinite(d), what + " is not finite");
    return (long) d;
  }

  private static void expect(boolean ok, String what) {
    if (!ok) {
      throw new ProtocolException(CloseReason.BAD_ENTRY, what);
    }
  }
}
