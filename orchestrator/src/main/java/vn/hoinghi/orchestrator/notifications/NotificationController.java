package vn.hoinghi.orchestrator.notifications;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoinghi.orchestrator.access.Roles;

import java.time.Instant;
import java.util.List;

/** Who was told what about a meeting, when, and what failed: {@code GET /api/v1/meetings/{id}/notifications}. */
@Controller("/api/v1/meetings/{id}/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationController {
    private final DeliveryQueue deliveries;

    public NotificationController(DeliveryQueue deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * One row per message: {@code status} PENDING (with {@code nextAttemptAt}), SENDING, SENT (with
     * {@code sentAt}), FAILED or SKIPPED (with {@code error}).
     */
    @Serdeable
    public record DeliveryView(long id, String kind, Instant notifiedAt, String channel, String recipient,
                               String site, String contactName, String contactRole, String status, int attempts,
                               Instant sentAt, Instant nextAttemptAt, String error) {
    }

    @Get
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public List<DeliveryView> list(@PathVariable long id) {
        return deliveries.forMeeting(id);
    }
}
