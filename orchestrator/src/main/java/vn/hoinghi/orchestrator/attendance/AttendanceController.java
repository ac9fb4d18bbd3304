package vn.hoinghi.orchestrator.attendance;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.reactivestreams.Publisher;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.booking.BookingService;

import java.util.List;

/** The roll-call of a meeting, its endpoint → site map for telemetry, and a live event stream. */
@Controller("/api/v1/meetings/{id}")
public class AttendanceController {
    private final RollCall rollCall;
    private final LiveEvents live;

    public AttendanceController(RollCall rollCall, LiveEvents live) {
        this.rollCall = rollCall;
        this.live = live;
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

    /** Server-sent events: joined, left, call-on/off/pending, as they happen. */
    @Get(value = "/events", produces = "text/event-stream")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public Publisher<Event<LiveEvents.LiveEvent>> events(@PathVariable long id) {
        return live.stream(id).map(e -> Event.of(e).name(e.type()));
    }
}
