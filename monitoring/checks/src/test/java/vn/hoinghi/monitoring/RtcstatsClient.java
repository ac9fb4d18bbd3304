package vn.hoinghi.monitoring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A browser's rtcstats session as lib-jitsi-meet runs it (DESIGN §3): subprotocol 3.1_STANDARD, wait for the
 * server's {@code sn}, then an identity and a few getstats entries 10 s apart on the client clock.
 */
final class RtcstatsClient {
    private RtcstatsClient() {
    }

    static void sendSession(HttpClient http, URI ws, String session, String room, int samples) throws Exception {
        CompletableFuture<String> sn = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("3.1_STANDARD").connectTimeout(Duration.ofSeconds(10))
                .buildAsync(ws, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        sn.complete(data.toString());
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        if (!sn.get(10, TimeUnit.SECONDS).contains("\"sn\"")) {
            throw new IllegalStateException("the collector did not speak first with sn: " + sn.get());
        }
        send(socket, "{\"statsSessionId\":\"" + session + "\",\"type\":\"identity\",\"data\":[{\"confName\":\"" + room
                + "\",\"endpointId\":\"ep" + session + "\",\"displayName\":\"x\"}]}");
        long t0 = 1_764_000_000_000L;
        for (int i = 0; i < samples; i++) {
            long ts = t0 + i * 10_000L;
            String payload = "{\"OT01A\":{\"type\":\"outbound-rtp\",\"kind\":\"audio\",\"timestamp\":0,\"bytesSent\":"
                    + (i * 50_000) + ",\"packetsSent\":" + (i * 500) + "},\"IT01A\":{\"type\":\"inbound-rtp\","
                    + "\"kind\":\"audio\",\"timestamp\":0,\"bytesReceived\":" + (i * 50_000) + ",\"packetsReceived\":"
                    + (i * 500) + ",\"packetsLost\":" + i + ",\"jitter\":0.004},\"RI01A\":{\"type\":"
                    + "\"remote-inbound-rtp\",\"kind\":\"audio\",\"timestamp\":0,\"packetsLost\":0,"
                    + "\"roundTripTime\":0.05},\"timestamp\":" + ts + "}";
            String data = "[\"getstats\",\"PC_0\"," + payload + "," + ts + "," + (i + 1) + "]";
            send(socket, "{\"statsSessionId\":\"" + session + "\",\"type\":\"stats-entry\",\"data\":"
                    + quote(data) + "}");
        }
        socket.sendClose(3001, "left").get(10, TimeUnit.SECONDS);
    }

    private static void send(WebSocket socket, String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
