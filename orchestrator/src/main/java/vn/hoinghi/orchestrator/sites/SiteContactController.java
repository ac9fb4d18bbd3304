package vn.hoinghi.orchestrator.sites;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.Roles;

import java.util.List;

/**
 * A site's contacts as a list: {@code GET/PUT /api/v1/sites/{code}/contacts}. The first entry is the site's
 * {@code contact}, which the site resource, import and export keep showing as before.
 */
@Controller("/api/v1/sites/{code}/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteContactController {
    private final SiteContacts contacts;

    public SiteContactController(SiteContacts contacts) {
        this.contacts = contacts;
    }

    @Get
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public List<SiteContact> list(@PathVariable String code) {
        return contacts.of(code);
    }

    /** Replaces the whole list (order kept; the first is the primary contact). */
    @Put
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public List<SiteContact> replace(@PathVariable String code, @Body List<SiteContact> body, Authentication auth) {
        return contacts.replace(Caller.of(auth), code, body);
    }
}
