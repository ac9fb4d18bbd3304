package vn.hoinghi.collector.rtcstats;

/** Reads the stats-entry array carried in a frame's data, streaming a getstats payload into its peer connection. */
public final class EntryReader {

  private static final int MAX_PC_ID = 128;
  private static final int MAX_TEXT = 256;
  private static final String GETSTATS = "getstats";

  private EntryReader() {}

  /** Reads {@code [name, pcId, payload, clientTs, seq]} from UTF-8 bytes. */
  public static StatsEntry read(byte[] bytes, int offset, int length, PeerConnections pcs) {
    StatsScanner s = new StatsScanner(bytes, offset, offset + length);
    expect(s.tryConsume('['), "stats-entry is not an array");
    s.ws();
    expect(s.i < s.limit && s.b[s.i] == '"', "stats-entry name is not a string");
    int nameStart = s.i + 1;
    int nameEnd = s.skipString();
    String name = s.sameAscii(nameStart, nameEnd, GETSTATS) ? GETSTATS : s.skippedText(nameStart, nameEnd);
    expect(s.tryConsume(','), "stats-entry has no pcId");
    s.ws();
    String pcId = null;
    if (s.i < s.limit && s.b[s.i] == '"') {
      pcId = s.readString();
      expect(pcId.length() <= MAX_PC_ID, "pcId too long");
    } else {
      expect(s.i < s.limit && s.b[s.i] == 'n' && s.readLiteral() == null, "pcId is neither a string nor null");
    }
    expect(s.tryConsume(','), "stats-entry has no payload");
    s.ws();
    if (GETSTATS.equals(name) && pcId != null && s.peek() == '{') {
      // The bulk of every frame: read by the purpose-built scanner into the peer connection's state.
      PeerConnectionStats pc = pcs.stateOf(pcId);
      s.readGetStats(pc, pc.filter());
      long[] tail = s.readTail();
      return new StatsEntry(name, pcId, null, tail[0], tail[1]);
    }
    String scalarText = null;
    if (s.peek() == '"') {
      String text = s.readString();
      scalarText = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    } else {
      s.skipValue(0);
    }
    if ("close".equals(name) && pcId != null) {
      pcs.closed(pcId);
    }
    long[] tail = s.readTail();
    return new StatsEntry(name, pcId, scalarText, tail[0], tail[1]);
  }

  private static void expect(boolean ok, String what) {
    if (!ok) {
      throw new ProtocolException(CloseReason.BAD_ENTRY, what);
    }
  }
}
