package vn.hoinghi.orchestrator.reports;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The collector's live view of one meeting, passed through for the operators' wall: the browser cannot reach the
 * collector (other origin, secret service key); it goes through {@link CollectorClient}. A collector that cannot
 * be reached gives 503 {@code collector-unavailable} before any event is sent, so the page can say so plainly.
 */
@Singleton
public class CollectorFeed {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorFeed.class);
    /** A wall left open over night is closed after a working day; the page reconnects by itself. */
    private static final Duration LONGEST = Duration.ofHours(12);
    private final CollectorClient client;

    public CollectorFeed(CollectorClient client) {
        this.client = client;
    }

    /** The live summary (JSON text); an empty summary when the collector has not heard of the meeting yet. */
    public String summary(String room) {
        HttpResponse<String> resp = send(request("/api/v1/meetings/" + CollectorClient.enc(room) + "/summary", true),
                HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() == 404) {
            return "{\"meeting\":\"" + room + "\",\"participants\":[],\"sites\":[]}";
        }
        if (resp.statusCode() != 200) {
            throw unavailable("HTTP " + resp.statusCode());
        }
        return resp.body();
    }

    /** The collector's SSE feed re-emitted event by event; cancelling (the browser leaves) closes the upstream. */
    public Flux<Event<String>> live(String room) {
        HttpResponse<Stream<String>> resp = send(request("/api/v1/live/meetings/" + CollectorClient.enc(room), false),
                HttpResponse.BodyHandlers.ofLines());
        if (resp.statusCode() != 200) {
            resp.body().close();
            throw unavailable("HTTP " + resp.statusCode());
        }
        SseParser parser = new SseParser();
        return Flux.fromStream(resp.body())
                .subscribeOn(Schedulers.boundedElastic())
                .concatMapIterable(parser::accept)
                .onBackpressureLatest()
                .take(LONGEST)
                .map(e -> Event.of(e.data()).name(e.name()));
    }

    private HttpRequest request(String path, boolean bounded) {
        if (!client.configured()) {
            throw unavailable("not configured");
        }
        return client.request(path, bounded ? "application/json" : "text/event-stream", bounded);
    }

    private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(req, handler);
        } catch (IOException e) {
            throw unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    static ApiException unavailable(String why) {
        LOG.warn("collector live feed unavailable: {}", why);
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "collector-unavailable",
                new Text("Chưa lấy được số liệu chất lượng trực tiếp: máy thu thập số liệu không trả lời.",
                        "Live quality is unavailable: the telemetry collector does not answer."));
    }
}
