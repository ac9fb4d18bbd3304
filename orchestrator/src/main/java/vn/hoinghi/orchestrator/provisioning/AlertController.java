package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import vn.hoinghi.orchestrator.access.Roles;

import java.time.Instant;
import java.util.List;

/** Operator alerts raised by provisioning: rooms that could not be prepared, sites that could not be reached. */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController {
    private final ProvisioningStore store;

    public AlertController(ProvisioningStore store) {
        this.store = store;
    }

    @Serdeable
    public record Alert(long id, Long meetingId, String site, String severity, String message, Instant createdAt,
                        Instant acknowledgedAt) {
    }

    /** Unacknowledged alerts, newest first. */
    @Get
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.SECRETARIAT})
    @Transactional(readOnly = true)
    public List<Alert> open() {
        return store.openAlerts();
    }

    @Post("/{id}/ack")
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    @Transactional
    public HttpResponse<Void> acknowledge(@PathVariable long id) {
        store.acknowledge(id);
        return HttpResponse.noContent();
    }
}
