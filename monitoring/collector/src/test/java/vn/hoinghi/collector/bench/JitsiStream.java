package vn.hoinghi.collector.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The stream of one simulated Jitsi Meet participant, shaped like lib-jitsi-meet's rtcstats output: an identity frame,
 * then per peer connection a whole first getstats (~12 KB) and delta-compressed ones (~5 KB) where only counters,
 * gauges and timestamps change (ids stripped, newest timestamp → 0, top-level timestamp).
 */
final class JitsiStream {

  /** Remote participants whose audio+video this one receives on the bridge connection. */
  private static final int REMOTES = 7;

  final FrameTemplate first;
  final FrameTemplate delta;

  private JitsiStream(FrameTemplate first, FrameTemplate delta) {
    this.first = first;
    this.delta = delta;
  }

  static String identity(String session, String meeting, String endpoint) {
    JsonObject config = new JsonObject().put("confName", meeting).put("endpointId", endpoint)
        .put("meetingUniqueId", "bench-" + meeting).put("displayName", endpoint).put("applicationName", "Jitsi Meet")
        .put("confID", "meet.hoinghi.gov.vn/" + meeting);
    return new JsonObject().put("statsSessionId", session).put("type", "identity")
        .put("data", new JsonArray().add(config)).encode();
  }

  /** Templates for one peer connection; holes in order: counters…, top-level timestamp, clientTs, seq. */
  static JitsiStream forPeerConnection(String session, String pcId) {
    return new JitsiStream(FrameTemplate.of(frame(session, pcId, true)), FrameTemplate.of(frame(session, pcId, false)));
  }

  private static String frame(String session, String pcId, boolean whole) {
    String h = FrameTemplate.hole();
    StringBuilder p = new StringBuilder("{");
    for (int r = 0; r < REMOTES; r++) {
      for (String kind : new String[] {"audio", "video"}) {
        p.append("\"IT").append(kind.charAt(0)).append(r).append("\":{");
        if (whole) {
          p.append("\"type\":\"inbound-rtp\",\"kind\":\"").append(kind).append("\",\"ssrc\":").append(100000 + r)
              .append(",\"codecId\":\"CIT01_111\",\"transportId\":\"T01\",\"mid\":\"").append(r)
              .append("\",\"trackIdentifier\":\"a1b2c3d4-").append(kind).append("-").append(r)
              .append("\",\"remoteId\":\"ROA").append(r).append("\",\"fecPacketsReceived\":0,\"nackCount\":0,");
        }
        p.append("\"packetsReceived\":").append(h).append(",\"bytesReceived\":").append(h)
            .append(",\"packetsLost\":").append(h).append(",\"jitter\":0.012,\"headerBytesReceived\":").append(h)
            .append(",\"lastPacketReceivedTimestamp\":").append(h);
        if (kind.equals("video")) {
          p.append(",\"frameHeight\":360,\"framesPerSecond\":30,\"framesDecoded\":").append(h);
        } else {
          p.append(",\"audioLevel\":0.0123,\"totalSamplesReceived\":").append(h);
        }
        p.append(",\"timestamp\":0},");
      }
    }
    p.append("\"OTv0\":{");
    if (whole) {
      p.append("\"type\":\"outbound-rtp\",\"kind\":\"video\",\"ssrc\":9000,\"rid\":\"2\",\"mediaSourceId\":\"SV1\",");
    }
    p.append("\"packetsSent\":").append(h).append(",\"bytesSent\":").append(h)
        .append(",\"frameHeight\":720,\"framesPerSecond\":30,\"timestamp\":0},");
    p.append("\"RIv0\":{");
    if (whole) {
      p.append("\"type\":\"remote-inbound-rtp\",\"kind\":\"video\",\"ssrc\":9000,\"localId\":\"OTv0\",");
    }
    p.append("\"packetsLost\":").append(h).append(",\"roundTripTime\":0.045,\"jitter\":0.004,\"timestamp\":0},");
    p.append("\"CP01\":{");
    if (whole) {
      p.append("\"type\":\"candidate-pair\",\"state\":\"succeeded\",\"nominated\":true,\"transportId\":\"T01\",");
    }
    p.append("\"currentRoundTripTime\":0.045,\"bytesSent\":").append(h).append(",\"timestamp\":0},");
    if (whole) {
      for (int c = 0; c < 16; c++) {
        p.append("\"C").append(c).append("\":{\"type\":\"codec\",\"payloadType\":").append(96 + c)
            .append(",\"mimeType\":\"video/VP8\",\"clockRate\":90000,\"sdpFmtpLine\":\"x-google-start-bitrate=800\","
                + "\"transportId\":\"T01\",\"timestamp\":0},");
      }
    } else {
      for (int c = 0; c < 16; c++) {
        p.append("\"C").append(c).append("\":{\"timestamp\":0},");
      }
    }
    p.append("\"timestamp\":").append(h).append("}");
    String data = "[\"getstats\",\"" + pcId + "\"," + p + "," + h + "," + h + "]";
    return new JsonObject().put("statsSessionId", session).put("type", "stats-entry").put("data", data).encode();
  }
}
