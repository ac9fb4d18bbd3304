package vn.hoinghi.orchestrator.reports;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The collector's {@code GET /api/v1/meetings/{room}/series} as monitoring/collector serves it (TelemetryQueries:
 * one object per minute and site with at, siteCode, mos, lossPct, rttMs, jitterMs, windows). Every room gets
 * 40 minutes from {@code from} + 15 min: STP-HNI steady at MOS 4.3; STP-DNG at 2.9 (bad) for its first 12 minutes
 * and 3.9 after; an "unknown" participant that reports must ignore.
 */
public final class FakeCollector implements AutoCloseable {
    public final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public FakeCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/meetings/", exchange -> {
            keysSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-HoiNghi-Service-Key")));
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            Instant start = Instant.parse(q.get("from")).plus(Duration.ofMinutes(15));
            StringBuilder body = new StringBuilder("[");
            for (int m = 0; m < 40; m++) {
                Instant at = start.plus(Duration.ofMinutes(m));
                bucket(body, at, "STP-HNI", 4.3, 0.2, 40);
                bucket(body, at, "STP-DNG", m < 12 ? 2.9 : 3.9, m < 12 ? 9.5 : 1.0, m < 12 ? 420 : 80);
                bucket(body, at, "unknown", 1.0, 50, 900);
            }
            body.setLength(body.length() - 1);
            byte[] bytes = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void bucket(StringBuilder b, Instant at, String site, double mos, double loss, double rtt) {
        b.append("{\"at\":\"").append(at).append("\",\"siteCode\":\"").append(site).append("\",\"mos\":").append(mos)
                .append(",\"lossPct\":").append(loss).append(",\"rttMs\":").append(rtt)
                .append(",\"jitterMs\":12.5,\"recvKbps\":850.0,\"windows\":6},");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            out.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
