package vn.hoinghi.orchestrator.notifications;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The sender: each round takes the booking outbox and due reminders into deliveries, then claims due deliveries
 * under a lease and sends them one by one, marking each right after its send. A sender that dies mid-round leaves
 * its claimed deliveries to be taken over when the lease runs out; only the one message it was sending may go
 * twice (with the same Message-ID).
 */
@Singleton
public class NotificationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationRunner.class);
    /** Rounds of claims per tick at most, so one tick cannot hold the scheduler thread for long. */
    private static final int MAX_CLAIMS_PER_RUN = 20;
    private final NotificationIntake intake;
    private final DeliveryQueue queue;
    private final MessageComposer composer;
    private final EmailSender email;
    private final TextMessageSender texts;
    private final NotificationConfig config;
    private final Clock clock;
    /** Identifies this process's claims; a restarted process is a new sender. */
    private final String senderId = "notifier-" + UUID.randomUUID();

    public NotificationRunner(NotificationIntake intake, DeliveryQueue queue, MessageComposer composer,
                              EmailSender email, TextMessageSender texts, NotificationConfig config, Clock clock) {
        this.intake = intake;
        this.queue = queue;
        this.composer = composer;
        this.email = email;
        this.texts = texts;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${hoinghi.notifications.tick:5s}", initialDelay = "10s")
    void tick() {
        if (!config.isEnabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The next tick tries again; a failing database or mail server must not kill the scheduler thread.
            LOG.warn("notification round failed: {}", e.toString());
        }
    }

    /** One round; returns how many deliveries were attempted. */
    public int runOnce() {
        for (int i = 0; i < MAX_CLAIMS_PER_RUN && intake.takeOutbox() > 0; i++) {
            // each call takes one batch of the outbox in its own transaction
        }
        intake.scheduleReminders();
        int attempted = 0;
        try {
            for (int i = 0; i < MAX_CLAIMS_PER_RUN; i++) {
                List<Delivery> claimed = queue.claim(senderId, config.getBatch(), config.getLease());
                for (Delivery d : claimed) {
                    DeliveryOutcome outcome = attempt(d);
                    if (!queue.complete(d.id(), senderId, outcome)) {
                        LOG.warn("delivery {} was taken over by another sender; its outcome here is dropped", d.id());
                    }
                }
                attempted += claimed.size();
                if (claimed.size() < config.getBatch()) {
                    break;
                }
            }
        } finally {
            email.close();
        }
        return attempted;
    }

    private DeliveryOutcome attempt(Delivery d) {
        try {
            MessageComposer.Composed c = composer.compose(d);
            if (c.skip() != null) {
                return new DeliveryOutcome.Skipped(c.skip());
            }
            switch (d.channel()) {
                case EMAIL -> email.send(new EmailSender.Email(d.recipient(), c.subject(), c.text(),
                        c.icsFileName(), c.ics(), "<delivery-" + d.id() + ".n" + d.notificationId() + "@hoinghi>"));
                case SMS -> texts.send(d.recipient(), c.shortText());
            }
            return new DeliveryOutcome.Sent();
        } catch (SendFailure f) {
            LOG.info("delivery {} ({} to {}) failed{}: {}", d.id(), d.channel(), d.recipient(),
                    f.permanent() ? " permanently" : "", f.getMessage());
            return f.permanent() ? new DeliveryOutcome.Failed(f.getMessage()) : retry(d, f.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("delivery {} could not be prepared: {}", d.id(), e.toString());
            return retry(d, e.toString());
        }
    }

    /** The next attempt after the configured pause, or FAILED once the pauses are used up. */
    private DeliveryOutcome retry(Delivery d, String reason) {
        List<Duration> backoff = config.getRetryBackoff();
        if (d.attempts() > backoff.size()) {
            return new DeliveryOutcome.Failed("gave up after " + d.attempts() + " attempts: " + reason);
        }
        return new DeliveryOutcome.RetryAt(clock.instant().plus(backoff.get(d.attempts() - 1)), reason);
    }
}
