package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.Roles;

import java.util.List;

/** Readiness checks of a site's room systems: ask for one, read the last results. */
@Controller("/api/v1/sites/{code}/readiness")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReadinessController {
    private final Readiness readiness;

    public ReadinessController(Readiness readiness) {
        this.readiness = readiness;
    }

    /** Queues a test dial of every room system of the site; 202, results appear within a minute or two. */
    @Post
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.UNIT_OPERATOR})
    public HttpResponse<List<ReadinessStore.Result>> check(@PathVariable String code, Authentication auth) {
        readiness.request(Caller.of(auth), code);
        return HttpResponse.accepted().body(readiness.results(code));
    }

    @Get
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.UNIT_OPERATOR, Roles.OBSERVER})
    public List<ReadinessStore.Result> results(@PathVariable String code) {
        return readiness.results(code);
    }
}
