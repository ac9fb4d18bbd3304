package vn.hoinghi.collector.rtcstats;

/**
 * A decoded stats-entry {@code [name, pcId, payload, clientTsMs, seq]}. For {@code getstats} the payload went into the
 * peer connection's state while reading; {@code text} holds a short scalar payload of other events (state changes).
 */
public record StatsEntry(String name, String pcId, String text, long clientTsMs, long seq) {

  public boolean isGetStats() {
    return "getstats".equals(name);
  }
}
