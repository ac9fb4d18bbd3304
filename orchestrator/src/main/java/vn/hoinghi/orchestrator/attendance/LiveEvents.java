package vn.hoinghi.orchestrator.attendance;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process fan-out of a meeting's live events (joins, leaves, call states, status) to SSE subscribers. Best
 * effort by design: a slow subscriber misses events rather than slowing the XMPP thread that publishes them;
 * the roll-call endpoint is the durable truth.
 */
@Singleton
public class LiveEvents {
    @Serdeable
    public record LiveEvent(long meetingId, String type, String site, String endpointId, String detail, Instant at) {
    }

    private final Map<Long, Sinks.Many<LiveEvent>> sinks = new ConcurrentHashMap<>();

    public void publish(LiveEvent e) {
        Sinks.Many<LiveEvent> sink = sinks.get(e.meetingId());
        if (sink != null) {
            sink.tryEmitNext(e);
        }
    }

    public Flux<LiveEvent> stream(long meetingId) {
        return sinks.computeIfAbsent(meetingId, id -> Sinks.many().multicast().directBestEffort()).asFlux();
    }
}
