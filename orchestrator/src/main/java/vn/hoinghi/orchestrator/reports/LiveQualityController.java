package vn.hoinghi.orchestrator.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.reactivestreams.Publisher;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.provisioning.RoomNames;

/** The operators' wall reads a meeting's live per-site quality through here (see {@link CollectorFeed}). */
@Controller("/api/v1/meetings/{id}/quality")
public class LiveQualityController {
    private final CollectorFeed feed;

    public LiveQualityController(CollectorFeed feed) {
        this.feed = feed;
    }

    @Get(value = "/summary", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.SECRETARIAT, Roles.OBSERVER})
    public HttpResponse<String> summary(@PathVariable long id) {
        return HttpResponse.ok(feed.summary(RoomNames.of(id))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** SSE: the collector's {@code snapshot}, {@code quality}, {@code alert}, {@code left} events, and {@code ping}. */
    @Get(value = "/live", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.SECRETARIAT, Roles.OBSERVER})
    public Publisher<Event<String>> live(@PathVariable long id) {
        return feed.live(RoomNames.of(id));
    }
}
