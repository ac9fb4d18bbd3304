package vn.hoinghi.orchestrator.attendance;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.booking.BookingService;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The roll-call of a meeting, its endpoint → site map for telemetry, and a live event stream. */
@Controller("/api/v1/meetings/{id}")
public class AttendanceController {
    /** Below the idle timeouts of common proxies (60 s), so a quiet meeting's stream is not cut. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);
    private final RollCall rollCall;
    private final LiveEvents live;
    private final Clock clock;

    public AttendanceController(RollCall rollCall, LiveEvents live, Clock clock) {
        this.rollCall = rollCall;
        this.live = live;
        this.clock = clock;
    }

    /** Per invited site: PRESENT, LATE (joined after start + 5 min), LEFT or MISSING, with times. */
    @Get("/attendance")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public List<RollCall.SiteAttendance> attendance(@PathVariable long id) {
        return rollCall.of(id).orElseThrow(() -> BookingService.notFound(id));
    }

    /** (endpoint id → site) for the telemetry collector, which attributes each participant's quality to a unit. */
    @Get("/endpoints")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    public List<RollCall.Endpoint> endpoints(@PathVariable long id) {
        return rollCall.endpoints(id);
    }

    /**
     * Server-sent events: joined, left, call-on/off/pending, as they happen. A {@code ready} event comes first,
     * because Micronaut sends no headers before the first item and the browser would stay "connecting" in a
     * quiet meeting; a {@code ping} every 25 s keeps proxies from closing the idle stream.
     */
    @Get(value = "/events", produces = "text/event-stream")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public Publisher<Event<LiveEvents.LiveEvent>> events(@PathVariable long id) {
        Flux<LiveEvents.LiveEvent> events = Flux.just(marker(id, "ready")).concatWith(live.stream(id));
        Flux<LiveEvents.LiveEvent> pings = Flux.interval(HEARTBEAT).map(n -> marker(id, "ping"));
        return Flux.merge(events, pings).map(e -> Event.of(e).name(e.type()));
    }

    private LiveEvents.LiveEvent marker(long id, String type) {
        return new LiveEvents.LiveEvent(id, type, null, null, null, clock.instant());
    }
}
