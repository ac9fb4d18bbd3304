package vn.hoinghi.orchestrator.access;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/** Join links: list and rotate them (staff), and follow one (anyone holding it). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class JoinController {
    private final JoinLinks links;

    public JoinController(JoinLinks links) {
        this.links = links;
    }

    @Get("/api/v1/meetings/{id}/links")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public List<JoinLinks.SiteLink> list(@PathVariable long id, Authentication auth) {
        return links.forMeeting(Caller.of(auth), id);
    }

    /** Revokes a site's link and returns its new one (e.g. after it was forwarded to the wrong people). */
    @Post("/api/v1/meetings/{id}/links/{site}/rotate")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public JoinLinks.SiteLink rotate(@PathVariable long id, @PathVariable String site, Authentication auth) {
        return links.rotate(Caller.of(auth), id, site);
    }

    /**
     * Public by design: the unguessable token is the credential, it only ever opens its own meeting as its own
     * site, within the meeting's window. Redirects to Jitsi Meet with the JWT in the fragment (kept out of logs).
     */
    @Get("/j/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<Void> open(@PathVariable String token) {
        // 302, never cached: the next click must be checked again (window, revocation).
        return HttpResponse.<Void>status(io.micronaut.http.HttpStatus.FOUND)
                .header(io.micronaut.http.HttpHeaders.LOCATION, links.open(token))
                .header(io.micronaut.http.HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
