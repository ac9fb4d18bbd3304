package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.Roles;

/** Issuing, revoking and serving per-site calendar feeds. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendarFeedController {
    private final CalendarFeeds feeds;

    public CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    /** The feed URL, shown once: subscribe to it in any calendar program. */
    @Serdeable
    public record FeedLink(String site, String url) {
    }

    @Post("/api/v1/sites/{code}/calendar-feed")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public HttpResponse<FeedLink> issue(@PathVariable String code, Authentication auth) {
        String token = feeds.issue(Caller.of(auth), code);
        return HttpResponse.created(new FeedLink(code, "/feeds/" + token + ".ics"));
    }

    @Delete("/api/v1/sites/{code}/calendar-feed")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public HttpResponse<Void> revoke(@PathVariable String code, Authentication auth) {
        feeds.revoke(Caller.of(auth), code);
        return HttpResponse.noContent();
    }

    /** Public by design: calendar programs cannot log in; the unguessable token is the credential. */
    @Get(value = "/feeds/{token}.ics", produces = "text/calendar")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> feed(@PathVariable String token) {
        return HttpResponse.ok(feeds.calendar(token)).contentType("text/calendar;charset=utf-8");
    }
}
