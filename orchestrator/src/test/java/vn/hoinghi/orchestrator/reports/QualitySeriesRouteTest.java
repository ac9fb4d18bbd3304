package vn.hoinghi.orchestrator.reports;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET …/quality/series} over HTTP, against a stand-in collector that answers its real {@code /series}. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualitySeriesRouteTest extends DatabaseTest {
    private static final List<String> ASKED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    ApplicationContext ctx;

    private static HttpServer collector() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/api/v1/meetings/", ex -> {
                ASKED.add(ex.getRequestURI().toString());
                byte[] body = """
                        [{"at":"2026-01-01T01:00:00Z","siteCode":"STP-HNI","mos":4.2,"lossPct":0.5,"rttMs":30,
                          "jitterMs":4,"recvKbps":900,"windows":4},
                         {"at":"2026-01-01T01:00:00Z","siteCode":"STP-HPG","mos":2.2,"lossPct":6,"rttMs":200,
                          "jitterMs":30,"recvKbps":300,"windows":4}]""".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hoinghi.collector.url", "http://127.0.0.1:" + COLLECTOR.getAddress().getPort(),
                "test.hand-clock", "true");
    }

    @AfterAll
    void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void aMeetingsSeriesComesPerSiteAndForTheMeetingOverItsWindow() {
        ctx.getBean(Fixtures.class).ministryWithUsers();
        FakeFleet.CLOCK.set(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        Instant start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(1));
        long id = new HandDriver(ctx).book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "BROWSER", null)));
        Api operator = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
        String path = "/api/v1/meetings/" + id + "/quality/series";

        HttpResponse<String> before = operator.text(HttpRequest.GET(path));
        assertThat(before.code()).isEqualTo(200);
        assertThat(ASKED).as("nothing to ask before the room opens").isEmpty();

        FakeFleet.CLOCK.set(start.plus(Duration.ofMinutes(30)));
        HttpResponse<String> r = operator.text(HttpRequest.GET(path + "?step=120"));
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        assertThat(ASKED).singleElement().asString().contains("/api/v1/meetings/" + RoomNames.of(id) + "/series",
                "step=120", "from=" + start.minus(Duration.ofMinutes(15)), "to=" + start.plus(Duration.ofMinutes(30)));
        assertThat(r.body()).contains("\"STP-HPG\":[{", "\"meeting\":[{\"at\":\"2026-01-01T01:00:00Z\",\"mos\":3.2,"
                + "\"kbps\":1200.0");

        assertThat(operator.text(HttpRequest.GET(path + "?step=5")).body()).contains("bad-step", "\"field\":\"step\"");
        assertThat(operator.text(HttpRequest.GET("/api/v1/meetings/999999/quality/series")).code()).isEqualTo(404);
        assertThat(Api.anonymous(client.toBlocking()).text(HttpRequest.GET(path)).code()).isEqualTo(401);
    }
}
