package vn.hoinghi.collector.rtcstats;

/**
 * Why the collector ends a connection: a closed set, used as WebSocket close code + reason and as a metric label.
 * lib-jitsi-meet's client reconnects with backoff after any close code except 3001 and 3002 (DESIGN §3), so input
 * that would only be sent again after a reconnect (bad token, protocol violations) is closed with 3002, and
 * conditions that pass (overload, shutdown, a newer connection of the same session) with a code it retries on.
 */
public enum CloseReason {
  SUPERSEDED(1000, "superseded by a newer connection of this session"),
  SHUTDOWN(1001, "collector shutting down"),
  IDLE(1001, "idle: no frame within the idle timeout"),
  OVERLOADED(1013, "too many connections, try again later"),
  INTERNAL(1011, "internal error"),
  BAD_JSON(3002, "invalid JSON"),
  BAD_FRAME(3002, "frame does not follow the rtcstats protocol"),
  BAD_ENTRY(3002, "invalid stats-entry"),
  SESSION_CHANGED(3002, "statsSessionId changed within a connection"),
  TOO_MANY_PEER_CONNECTIONS(3002, "too many peer connections"),
  TOO_MANY_REPORTS(3002, "too many stats reports in one peer connection"),
  TOO_BIG(1009, "message larger than allowed"),
  UNAUTHORIZED(3002, "ingest token missing or wrong");

  private final short code;
  private final String text;

  CloseReason(int code, String text) {
    this.code = (short) code;
    this.text = text;
  }

  public short code() {
    return code;
  }

  public String text() {
    return text;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
