package vn.hoinghi.orchestrator.audit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import vn.hoinghi.orchestrator.access.Roles;

import java.util.List;

@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Recomputes the whole hash chain and names the first row that was edited, inserted or deleted. */
    @Get("/verify")
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    public AuditVerification verify() {
        return audit.verify();
    }

    @Get
    @Secured({Roles.ADMIN})
    public List<AuditRecord> history(@QueryValue String entity, @QueryValue String id) {
        return audit.history(entity, id);
    }
}
