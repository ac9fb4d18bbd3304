package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.BookingConfig;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * T − 15 min: BOOKED → PREPARING, allocate the conference and sit in it, → READY. A transient failure (no
 * bridge, timeout) is retried with backoff; when retries run out, or on a permanent refusal, the meeting FAILS
 * with the reason and an operator alert, while there is still time to act before the start.
 */
@Singleton
public class PrepareHandler implements JobHandler {
    private final Lifecycle lifecycle;
    private final ConferenceControl control;
    private final ProvisioningConfig config;
    private final BookingConfig booking;
    private final Clock clock;

    public PrepareHandler(Lifecycle lifecycle, ConferenceControl control, ProvisioningConfig config,
                          BookingConfig booking, Clock clock) {
        this.lifecycle = lifecycle;
        this.control = control;
        this.config = config;
        this.booking = booking;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.PREPARE;
    }

    @Override
    public JobOutcome run(Job job) {
        Meeting m = lifecycle.meeting(job.meetingId()).orElse(null);
        if (m == null || !MeetingStatus.HOLDING.contains(m.status()) || m.status() == MeetingStatus.LIVE) {
            return JobOutcome.done();
        }
        Instant due = m.start().toInstant().minus(booking.getPrepare());
        if (due.isAfter(clock.instant())) {
            return new JobOutcome.RetryAt(due, "not yet due (meeting moved)");
        }
        if (m.status() == MeetingStatus.BOOKED) {
            lifecycle.move(m.id(), MeetingStatus.BOOKED, MeetingStatus.PREPARING, "T-" + booking.getPrepare());
        }
        try {
            control.prepare(spec(m), config.getPrepareTimeout());
        } catch (ProvisioningException e) {
            int tries = job.attempts();
            if (e.kind() == ProvisioningException.Kind.TRANSIENT && tries <= config.getPrepareBackoff().size()) {
                return new JobOutcome.RetryAt(clock.instant().plus(config.getPrepareBackoff().get(tries - 1)),
                        e.condition() + ": " + e.getMessage());
            }
            String reason = "room " + RoomNames.of(m.id()) + " not ready after " + tries + " attempt(s): "
                    + e.condition() + " — " + e.getMessage();
            lifecycle.fail(m.id(), reason);
            return new JobOutcome.Failed(reason);
        }
        lifecycle.move(m.id(), MeetingStatus.PREPARING, MeetingStatus.READY, "room ready");
        return JobOutcome.done();
    }

    static RoomSpec spec(Meeting m) {
        // Large meetings start muted beyond the first ten; rtcstats lets the collector grade every participant.
        return new RoomSpec(RoomNames.of(m.id()), m.title(), m.hostSite(), null, false,
                Map.of("rtcstatsEnabled", "true", "startAudioMuted", "10", "startVideoMuted", "25"),
                mainRoomSites(m));
    }

    /**
     * With viewers invited, real Jicofo sends every later conference request to a visitor node once one is in use,
     * except for the user ids (site codes) in the room's main-room list: so the list names the host and every
     * INTERACTIVE site. Without viewers no list, since a list also sends anyone not on it to a visitor node.
     */
    static List<String> mainRoomSites(Meeting m) {
        if (m.invites() == null || m.invites().stream().noneMatch(i -> "VIEWER".equals(i.participation()))) {
            return List.of();
        }
        TreeSet<String> sites = new TreeSet<>();
        if (m.hostSite() != null) {
            sites.add(m.hostSite());
        }
        m.invites().stream().filter(i -> !"VIEWER".equals(i.participation())).forEach(i -> sites.add(i.site()));
        return List.copyOf(sites);
    }
}
