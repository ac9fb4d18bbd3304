package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Brings one invited site into a live meeting by the policy of {@link DialPolicy}. Each attempt is logged and
 * committed before the dial. An attempt left open by a crash is not repeated while the gateway might still be
 * ringing (Jicofo's 90 s pending timeout); if the gateway reports the call up meanwhile, the job is done. A
 * restarted process first re-enters the room ({@link RoomKeeper}), where the focus reports such calls.
 */
@Singleton
public class DialHandler implements JobHandler {
    private final Lifecycle lifecycle;
    private final ConferenceControl control;
    private final DialLog log;
    private final DialTargets targets;
    private final RoomKeeper rooms;
    private final ProvisioningConfig config;
    private final Clock clock;

    public DialHandler(Lifecycle lifecycle, ConferenceControl control, DialLog log, DialTargets targets,
                       RoomKeeper rooms, ProvisioningConfig config, Clock clock) {
        this.lifecycle = lifecycle;
        this.control = control;
        this.log = log;
        this.targets = targets;
        this.rooms = rooms;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.DIAL;
    }

    @Override
    public JobOutcome run(Job job) {
        Meeting m = lifecycle.meeting(job.meetingId()).orElse(null);
        if (m == null || m.status() != MeetingStatus.LIVE) {
            return JobOutcome.done();
        }
        Meeting.Invitation invite = m.invites().stream().filter(i -> i.site().equalsIgnoreCase(job.siteCode()))
                .findFirst().orElse(null);
        if (invite == null) {
            return JobOutcome.done();
        }
        // Before reading the history: re-entering may close an attempt a dead process left open.
        rooms.enter(m);
        Instant now = clock.instant();
        List<DialStore.Attempt> history = log.forJob(job.id());
        for (DialStore.Attempt open : history.stream().filter(a -> a.outcome() == null).toList()) {
            Instant settled = open.startedAt().plus(config.getDialPendingTimeout());
            if (settled.isAfter(now)) {
                return new JobOutcome.RetryAt(settled, "attempt " + open.attemptNo() + " may still be ringing");
            }
            log.finish(open.id(), "UNKNOWN", null, "TRANSIENT: interrupted (orchestrator restarted)");
        }
        history = log.forJob(job.id());
        List<DialPolicy.Past> past = history.stream().map(a -> new DialPolicy.Past(a.method(), a.outcome(),
                a.error() != null && a.error().startsWith("PERMANENT"), a.startedAt())).toList();
        DialPolicy.Next next = DialPolicy.next(targets.ladder(invite), past, config.getDialBackoff(), now);
        if (next instanceof DialPolicy.Connected) {
            return JobOutcome.done();
        }
        if (next instanceof DialPolicy.WaitUntil w) {
            return new JobOutcome.RetryAt(w.at(), "backoff");
        }
        if (next instanceof DialPolicy.GiveUp g) {
            lifecycle.alert(m.id(), invite.site(), "Không gọi được " + invite.site() + " vào cuộc họp " + m.id()
                    + " / could not bring " + invite.site() + " in: " + g.reason());
            return new JobOutcome.Failed(g.reason());
        }
        DialPolicy.DialNow dial = (DialPolicy.DialNow) next;
        return dial(job, m, invite, dial);
    }

    private JobOutcome dial(Job job, Meeting m, Meeting.Invitation invite, DialPolicy.DialNow dial) {
        String room = RoomNames.of(m.id());
        long attempt = log.start(job.id(), m.id(), invite.site(), dial.step().method(), dial.step().target(),
                dial.attemptNo());
        try {
            ConferenceControl.CallHandle call = dial.step().method() == DialMethod.VIDEO
                    ? control.dialVideo(room, dial.step().target(), invite.site(), config.getDialTimeout())
                    : control.dialAudio(room, dial.step().target(), config.getCallerId(), config.getDialTimeout());
            log.finish(attempt, "CONNECTED", call.id(), null);
            return JobOutcome.done();
        } catch (ProvisioningException e) {
            if (ProvisioningException.ALREADY_ACTIVE.equals(e.condition())) {
                // The room system is already being called in this room (an attempt whose answer a crash lost, or
                // a moderator's dial): it counts as reached. Falling back to audio would call the site twice.
                // No call id: a Jibri SIP call is stopped by its address, which the row has.
                log.finish(attempt, "CONNECTED", null, "ALREADY_ACTIVE: " + e.getMessage());
                return JobOutcome.done();
            }
            log.finish(attempt, "FAILED", null, e.kind() + ": " + e.condition() + " " + e.getMessage());
            // Run again at once: the policy itself decides whether to wait, fall back or give up.
            return new JobOutcome.RetryAt(clock.instant(), e.condition());
        }
    }
}
