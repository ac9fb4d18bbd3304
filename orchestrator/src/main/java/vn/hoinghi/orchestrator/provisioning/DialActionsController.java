package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.notifications.SendFailure;
import vn.hoinghi.orchestrator.notifications.TextMessageSender;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Dial-out as the operators' wall sees it: every attempt per room system, and the two hands an operator has when
 * a site stays out — Retry (redial now through the usual ladder: Jibri video, Jigasi audio, the contact's phone)
 * and Escalate (a critical alert plus a text to the site's contacts). Both are refused with 409 when they would
 * dial a site twice, and audited.
 */
@Controller("/api/v1/meetings/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DialActionsController {
    private static final Logger LOG = LoggerFactory.getLogger(DialActionsController.class);
    private final DialActions actions;
    private final TextMessageSender texts;

    public DialActionsController(DialActions actions, TextMessageSender texts) {
        this.actions = actions;
        this.texts = texts;
    }

    /** One attempt; {@code rung} names the gateway: jibri (SIP video), jigasi (SIP audio) or phone. */
    @Serdeable
    public record Attempt(long id, String site, int attemptNo, String rung, String target, Instant startedAt,
                          String outcome, String reason) {
        static Attempt of(DialStore.Attempt a) {
            String rung = switch (a.method()) {
                case VIDEO -> "jibri";
                case AUDIO -> "jigasi";
                case PHONE -> "phone";
            };
            // No outcome yet: the attempt was written before its dial and may still ring.
            return new Attempt(a.id(), a.siteCode(), a.attemptNo(), rung, a.target(), a.startedAt(),
                    a.outcome() == null ? "PENDING" : a.outcome(), a.error());
        }
    }

    @Serdeable
    public record Retried(String site, String job) {
    }

    @Serdeable
    public record EscalationRequest(@Nullable String note) {
    }

    @Serdeable
    public record Escalated(long id, String site, int textsSent, int textsFailed) {
    }

    /** Every dial attempt of the meeting, oldest first; readable by whoever may watch the wall. */
    @Get("/dial-attempts")
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.SECRETARIAT, Roles.OBSERVER})
    public List<Attempt> attempts(@PathVariable long id) {
        return actions.attempts(id).stream().map(Attempt::of).toList();
    }

    /**
     * Redials the site now through the same ladder, as a new dial job (restart-safe). 409 {@code meeting-not-live},
     * {@code call-already-up} or {@code call-ringing}; 404 for an unknown meeting or a site it does not invite.
     */
    @Post("/room-systems/{siteCode}/retry")
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    public HttpResponse<Retried> retry(@PathVariable long id, @PathVariable String siteCode, Authentication who) {
        String job = actions.retry(id, siteCode, who.getName());
        return HttpResponse.accepted().body(new Retried(siteCode.toUpperCase(Locale.ROOT), job));
    }

    /** Raises a critical alert, stores the escalation and texts the site's contacts that have a phone. */
    @Post("/room-systems/{siteCode}/escalate")
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    public HttpResponse<Escalated> escalate(@PathVariable long id, @PathVariable String siteCode,
                                            @Nullable @Body EscalationRequest body, Authentication who) {
        DialActions.Escalated e = actions.escalate(id, siteCode, who.getName(), body == null ? null : body.note());
        // After the commit: a slow gateway holds no lock, and the stored row says what was escalated even if the
        // process dies while texting.
        int sent = 0;
        int failed = 0;
        for (String phone : e.phones()) {
            try {
                texts.send(phone, e.text());
                sent++;
            } catch (SendFailure | RuntimeException ex) {
                LOG.warn("escalation {} text to a contact of {} failed: {}", e.id(), e.site(), ex.getMessage());
                failed++;
            }
        }
        actions.textsDone(e.id(), sent, failed);
        return HttpResponse.created(new Escalated(e.id(), e.site(), sent, failed));
    }
}
