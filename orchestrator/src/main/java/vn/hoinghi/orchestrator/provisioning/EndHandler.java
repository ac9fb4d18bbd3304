package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;

import java.time.Clock;
import java.util.List;

/** At the end: hang up every call HoiNghi placed, leave the room, LIVE → ENDED. */
@Singleton
public class EndHandler implements JobHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EndHandler.class);
    private final Lifecycle lifecycle;
    private final ConferenceControl control;
    private final DialLog log;
    private final RoomKeeper rooms;
    private final Clock clock;

    public EndHandler(Lifecycle lifecycle, ConferenceControl control, DialLog log, RoomKeeper rooms, Clock clock) {
        this.lifecycle = lifecycle;
        this.control = control;
        this.log = log;
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.END;
    }

    @Override
    public JobOutcome run(Job job) {
        Meeting m = lifecycle.meeting(job.meetingId()).orElse(null);
        if (m == null) {
            return JobOutcome.done();
        }
        if (m.end().toInstant().isAfter(clock.instant())) {
            return new JobOutcome.RetryAt(m.end().toInstant(), "not yet due (meeting moved)");
        }
        String room = RoomNames.of(m.id());
        List<DialStore.Attempt> calls = log.forMeeting(m.id()).stream()
                .filter(a -> "CONNECTED".equals(a.outcome()) && a.callId() != null).toList();
        if (!calls.isEmpty()) {
            // Hang-ups go through the room: a process restarted since the dials must be back in it first.
            rooms.enter(m);
        }
        for (DialStore.Attempt a : calls) {
            var kind = a.method() == DialMethod.VIDEO ? ConferenceControl.CallHandle.Kind.JIBRI_SIP
                    : ConferenceControl.CallHandle.Kind.JIGASI_AUDIO;
            try {
                control.hangUp(new ConferenceControl.CallHandle(room, kind, a.target(), a.callId()));
                log.finish(a.id(), "HUNG_UP", a.callId(), null);
            } catch (ProvisioningException e) {
                // The conference ends anyway when HoiNghi leaves and the room empties.
                LOG.warn("hang-up of {} in {} failed: {}", a.target(), room, e.condition());
            }
        }
        control.release(room);
        if (m.status() == MeetingStatus.LIVE) {
            lifecycle.move(m.id(), MeetingStatus.LIVE, MeetingStatus.ENDED, "end time");
        } else if (m.status() == MeetingStatus.READY || m.status() == MeetingStatus.PREPARING) {
            lifecycle.move(m.id(), m.status(), MeetingStatus.CANCELLED, "never started");
        }
        return JobOutcome.done();
    }
}
