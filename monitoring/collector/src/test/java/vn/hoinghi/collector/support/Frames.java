package vn.hoinghi.collector.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** rtcstats frames as lib-jitsi-meet writes them (DESIGN §3). */
public final class Frames {

  /** The client clock of the first sample in tests. */
  public static final long T0 = 1_764_000_000_000L;

  private Frames() {}

  public static String identity(String session, JsonObject data) {
    return new JsonObject().put("statsSessionId", session).put("type", "identity")
        .put("data", new JsonArray().add(data)).encode();
  }

  public static String entry(String session, String name, String pcId, Object payload, long clientTs, long seq) {
    String data = new JsonArray().add(name).add(pcId).add(payload).add(clientTs).add(seq).encode();
    return new JsonObject().put("statsSessionId", session).put("type", "stats-entry").put("data", data).encode();
  }

  public static String keepalive(String session) {
    return new JsonObject().put("statsSessionId", session).put("type", "keepalive").encode();
  }

  /** A full (uncompressed-looking) getstats of one audio+video send and one audio receive. */
  public static JsonObject getstats(long ts, long bytesSent, long packetsSent, long bytesRecv, long packetsRecv,
                                    long lost, double jitterS, double rttS) {
    return new JsonObject()
        .put("OT01A", new JsonObject().put("type", "outbound-rtp").put("kind", "audio").put("timestamp", 0)
            .put("bytesSent", bytesSent / 4).put("packetsSent", packetsSent / 2))
        .put("OT01V", new JsonObject().put("type", "outbound-rtp").put("kind", "video").put("timestamp", 0)
            .put("bytesSent", bytesSent - bytesSent / 4).put("packetsSent", packetsSent - packetsSent / 2)
            .put("frameHeight", 360).put("framesPerSecond", 30))
        .put("IT01A", new JsonObject().put("type", "inbound-rtp").put("kind", "audio").put("timestamp", 0)
            .put("bytesReceived", bytesRecv).put("packetsReceived", packetsRecv).put("packetsLost", lost)
            .put("jitter", jitterS))
        .put("RI01A", new JsonObject().put("type", "remote-inbound-rtp").put("kind", "audio").put("timestamp", 0)
            .put("packetsLost", 0).put("roundTripTime", rttS))
        .put("timestamp", ts);
  }
}
