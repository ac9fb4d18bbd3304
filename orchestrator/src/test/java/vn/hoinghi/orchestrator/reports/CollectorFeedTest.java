package vn.hoinghi.orchestrator.reports;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.sse.Event;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.platform.errors.ApiException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operators' wall's pass-through of the collector's live feed: events through, key sent, 503 when away. */
class CollectorFeedTest {
    private static final String KEY = "wall-test-service-key-0123456789";

    @Test
    void anUnreachableCollectorIsA503TheWallCanExplain() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CollectorFeed feed = new CollectorFeed(
                new CollectorClient("http://127.0.0.1:" + closedPort, KEY, Duration.ofSeconds(2)));
        for (Runnable call : List.<Runnable>of(() -> feed.summary("hn7"), () -> feed.live("hn7"))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, (ApiException e) -> {
                assertThat(e.status().getCode()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("collector-unavailable");
                assertThat(e.text().vi()).contains("không trả lời");
            });
        }
        assertThatThrownBy(() -> new CollectorFeed(new CollectorClient("", KEY, Duration.ofSeconds(2))).summary("hn7"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void theLiveFeedPassesEachEventThroughAndStopsWhenTheWallCloses() throws Exception {
        List<String> keys = new CopyOnWriteArrayList<>();
        CountDownLatch upstreamClosed = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Shaped as monitoring/collector's HttpApi.live writes it: snapshot first, then events and keep-alives.
        server.createContext("/api/v1/live/meetings/hn7", ex -> {
            keys.add(ex.getRequestHeaders().getFirst("X-HoiNghi-Service-Key"));
            ex.getResponseHeaders().add("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(("event: snapshot\ndata: {\"meeting\":\"hn7\",\"participants\":[],\"sites\":[]}\n\n"
                        + ": keepalive\n\n"
                        + "event: quality\ndata: {\"siteCode\":\"STP-HNI\",\"mos\":2.9}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 0; i < 200; i++) { // until the reader goes away
                    Thread.sleep(50);
                    out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException | InterruptedException gone) {
                upstreamClosed.countDown();
            }
        });
        server.start();
        try {
            CollectorFeed feed = new CollectorFeed(new CollectorClient(
                    "http://127.0.0.1:" + server.getAddress().getPort(), KEY, Duration.ofSeconds(2)));
            List<Event<String>> got = feed.live("hn7").take(3).collectList().block(Duration.ofSeconds(10));
            assertThat(got).extracting(Event::getName).containsExactly("snapshot", "ping", "quality");
            assertThat(got.get(2).getData()).isEqualTo("{\"siteCode\":\"STP-HNI\",\"mos\":2.9}");
            assertThat(keys).containsExactly(KEY);
            assertThat(upstreamClosed.await(10, TimeUnit.SECONDS)).as("upstream closed after the reader left").isTrue();
        } finally {
            server.stop(0);
        }
    }
}
