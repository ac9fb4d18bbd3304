package vn.hoinghi.orchestrator.demo;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One browser's rtcstats frames as lib-jitsi-meet sends them (DESIGN §3; the same shapes as the collector's test
 * {@code Frames} and scheduler-ui's {@code e2e/rtcstats.mjs}): an {@code identity} frame with the conference and
 * the endpoint id, then {@code stats-entry} frames whose data is the JSON text of
 * {@code ["getstats", pcId, stats, clientTsMs, seq]}: audio and video sent, audio received, the remote-inbound RTT.
 * Counters grow per sample as a link of the given quality would make them.
 */
final class RtcstatsFrames {
    static final String SUBPROTOCOL = "3.1_STANDARD";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9@._-]+");

    /** A link's steady quality: receive loss, jitter and round trip. */
    enum Link {
        GOOD(0, 0.005, 0.04), POOR(8, 0.04, 0.3);

        final int lossPct;
        final double jitterS;
        final double rttS;

        Link(int lossPct, double jitterS, double rttS) {
            this.lossPct = lossPct;
            this.jitterS = jitterS;
            this.rttS = rttS;
        }
    }

    private final String room;
    private final String endpoint;
    private final Link link;
    private final String session = "demo-" + UUID.randomUUID();
    private long seq;
    private long bytes;
    private long packets;
    private long recvBytes;
    private long recvPackets;
    private long lost;

    RtcstatsFrames(String room, String endpoint, Link link) {
        // Written into JSON unquoted-safe: a room or endpoint id needing escapes is a bug in the caller.
        if (!PLAIN.matcher(room).matches() || !PLAIN.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("room and endpoint must be plain ids: " + room + ", " + endpoint);
        }
        this.room = room;
        this.endpoint = endpoint;
        this.link = link;
    }

    String session() {
        return session;
    }

    String identity() {
        return frame("identity", "[{\"applicationName\":\"Jitsi Meet\",\"confName\":\"" + room + "\",\"endpointId\":\""
                + endpoint + "\",\"displayName\":\"HoiNghi demo\"}]");
    }

    /** The next 2 s sample at client time {@code ts} (epoch ms). */
    synchronized String sample(long ts) {
        bytes += 125_000;
        packets += 200;
        long arrived = Math.round(100 * (1 - link.lossPct / 100.0));
        recvBytes += arrived * 160;
        recvPackets += arrived;
        lost += 100 - arrived;
        String stats = String.format(Locale.ROOT, "{\"OT01A\":{\"type\":\"outbound-rtp\",\"kind\":\"audio\",\"timestamp\":0,"
                        + "\"bytesSent\":%d,\"packetsSent\":%d},\"OT01V\":{\"type\":\"outbound-rtp\",\"kind\":\"video\","
                        + "\"timestamp\":0,\"bytesSent\":%d,\"packetsSent\":%d,\"frameHeight\":360,\"framesPerSecond\":30},"
                        + "\"IT01A\":{\"type\":\"inbound-rtp\",\"kind\":\"audio\",\"timestamp\":0,\"bytesReceived\":%d,"
                        + "\"packetsReceived\":%d,\"packetsLost\":%d,\"jitter\":%s},\"RI01A\":{\"type\":\"remote-inbound-rtp\","
                        + "\"kind\":\"audio\",\"timestamp\":0,\"packetsLost\":0,\"roundTripTime\":%s},\"timestamp\":%d}",
                bytes / 4, packets / 2, bytes - bytes / 4, packets / 2, recvBytes, recvPackets, lost, link.jitterS,
                link.rttS, ts);
        String entry = "[\"getstats\",\"PC_0\"," + stats + "," + ts + "," + (++seq) + "]";
        // The entry travels as a JSON string inside the frame; it holds quotes and no backslash.
        return frame("stats-entry", "\"" + entry.replace("\"", "\\\"") + "\"");
    }

    private String frame(String type, String data) {
        return "{\"statsSessionId\":\"" + session + "\",\"type\":\"" + type + "\",\"data\":" + data + "}";
    }
}
