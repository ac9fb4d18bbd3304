package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        // A Jibri SIP call is stopped by its address, so a video call counts even without a session id (one that
        // was found already active) and is stopped once however many rows reached it: Jicofo has one per address.
        Map<String, List<DialStore.Attempt>> calls = log.forMeeting(m.id()).stream()
                .filter(a -> "CONNECTED".equals(a.outcome()))
                .filter(a -> a.method() == DialMethod.VIDEO || a.callId() != null)
                .collect(Collectors.groupingBy(a -> a.method() == DialMethod.VIDEO ? a.target() : a.callId(),
                        LinkedHashMap::new, Collectors.toList()));
        if (!calls.isEmpty()) {
            // Hang-ups go through the room: a process restarted since the dials must be back in it first.
            rooms.enter(m);
        }
        for (List<DialStore.Attempt> same : calls.values()) {
            DialStore.Attempt a = same.stream().filter(x -> x.callId() != null).findFirst().orElse(same.get(0));
            var kind = a.method() == DialMethod.VIDEO ? ConferenceControl.CallHandle.Kind.JIBRI_SIP
                    : ConferenceControl.CallHandle.Kind.JIGASI_AUDIO;
            try {
                control.hangUp(new ConferenceControl.CallHandle(room, kind, a.target(), a.callId()));
                same.forEach(x -> log.finish(x.id(), "HUNG_UP", x.callId(), x.error()));
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
