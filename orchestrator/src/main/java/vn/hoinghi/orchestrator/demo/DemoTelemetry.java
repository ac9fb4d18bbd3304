package vn.hoinghi.orchestrator.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The demo walk's browsers' telemetry: while a scripted unit is in the walk's meeting, a stream of rtcstats goes to
 * the real collector exactly as lib-jitsi-meet sends it ({@link RtcstatsFrames}), so the operators' wall changes
 * colour and the quality charts and report have figures. Each site has its own steady link ({@link #PROFILES}:
 * one poor, so the wall shows a bad row). The collector attributes each stream through the orchestrator from the
 * walk's roll-call, as it would for a real participant. Only while the demo walk runs with a collector configured.
 */
@Singleton
@Requires(property = "hoinghi.demo.walk", value = "true")
@Requires(property = "hoinghi.collector.url", pattern = "https?://.+")
public class DemoTelemetry {
    static final Map<String, RtcstatsFrames.Link> PROFILES = Map.of(
            "STP-HNI", RtcstatsFrames.Link.GOOD, "STP-HCM", RtcstatsFrames.Link.POOR, "STP-DNG", RtcstatsFrames.Link.GOOD);
    private static final Logger LOG = LoggerFactory.getLogger(DemoTelemetry.class);
    private final URI ingest;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    public DemoTelemetry(@Value("${hoinghi.collector.url}") String collectorUrl, Clock clock) {
        this.ingest = URI.create(collectorUrl.replaceFirst("^http", "ws"));
        this.clock = clock;
    }

    /** A scripted unit joined: its browser starts sending stats (best effort: the demo goes on without them). */
    public void joined(String room, String endpoint, String site) {
        RtcstatsFrames frames = new RtcstatsFrames(room, endpoint, PROFILES.getOrDefault(site, RtcstatsFrames.Link.GOOD));
        URI uri = ingest.resolve("/" + room + "?statsSessionId=" + frames.session() + "&isReconnect=false");
        Listener listener = new Listener();
        // Started inside a future so that even a synchronous refusal ends in the warning below, not in the walk.
        CompletableFuture.completedFuture(uri)
                .thenCompose(u -> http.newWebSocketBuilder().subprotocols(RtcstatsFrames.SUBPROTOCOL).buildAsync(u, listener))
                .thenCompose(ws -> listener.serverNumber.thenApply(n -> ws))
                .orTimeout(10, TimeUnit.SECONDS)
                .thenCompose(ws -> ws.sendText(frames.identity(), true).thenApply(w -> ws))
                .whenComplete((ws, e) -> {
                    if (e != null) {
                        LOG.warn("demo telemetry: no stream for {} ({}); the wall will show no quality", site, e.toString());
                    } else {
                        streams.put(endpoint, new Stream(ws, frames));
                        LOG.info("demo telemetry: {} sends rtcstats to the collector", site);
                    }
                });
    }

    /** A scripted unit left: its stream closes as a browser's would. */
    public void left(String endpoint) {
        Stream s = streams.remove(endpoint);
        if (s != null) {
            s.send(ws -> ws.sendClose(3001, "left"));
        }
    }

    /** One getstats sample per stream every 2 s of real time, as a browser samples. */
    @Scheduled(fixedDelay = "2s", initialDelay = "2s")
    void sample() {
        long now = clock.millis();
        streams.values().forEach(s -> s.send(ws -> ws.sendText(s.frames().sample(now), true)));
    }

    /** Every stream ends (the meeting is over, or the demo stops). */
    @PreDestroy
    public void close() {
        streams.keySet().forEach(this::left);
    }

    /** Sends one after another: a JDK WebSocket refuses a message while the previous one is still going out. */
    private static final class Stream {
        private final WebSocket ws;
        private final RtcstatsFrames frames;
        private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

        Stream(WebSocket ws, RtcstatsFrames frames) {
            this.ws = ws;
            this.frames = frames;
        }

        RtcstatsFrames frames() {
            return frames;
        }

        /** A failed send (the collector went away) does not stop the next; the demo only loses samples. */
        synchronized void send(Function<WebSocket, CompletableFuture<WebSocket>> message) {
            last = last.handle((x, e) -> null).thenCompose(x -> message.apply(ws));
        }
    }

    /** Waits for the collector's {"type":"sn"}: nothing may be sent before it (DESIGN §3). */
    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<Void> serverNumber = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (data.toString().contains("\"sn\"")) {
                serverNumber.complete(null);
            }
            ws.request(1);
            return null;
        }
    }
}
