package vn.hoinghi.orchestrator.attendance;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.provisioning.DialLog;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;
import vn.hoinghi.orchestrator.provisioning.RoomNames;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The roll-call: records who joins and leaves the rooms HoiNghi runs (identity = site code from the verified JWT
 * identity) and answers, per invited site, whether it is present, late, left or missing.
 */
@Singleton
public class RollCall implements RoomEvents {
    public enum State { PRESENT, LATE, LEFT, MISSING }

    @Serdeable
    public record SiteAttendance(String site, State state, Instant firstJoined, Instant lastLeft, int endpoints) {
    }

    @Serdeable
    public record Endpoint(String endpointId, String site) {
    }

    private final AttendanceStore store;
    private final MeetingStore meetings;
    private final DialLog dials;
    private final LiveEvents live;
    private final Duration lateAfter;

    public RollCall(AttendanceStore store, MeetingStore meetings, DialLog dials, LiveEvents live,
                    @Value("${hoinghi.attendance.late-after:5m}") Duration lateAfter) {
        this.store = store;
        this.meetings = meetings;
        this.dials = dials;
        this.live = live;
        this.lateAfter = lateAfter;
    }

    @Override
    @Transactional
    public void joined(String room, String node, String endpointId, String siteCode, String displayName,
                       Instant at) {
        long id = RoomNames.meetingOf(room);
        if (id > 0) {
            store.lockMeeting(id);
        }
        // A restarted orchestrator re-entering the room hears every occupant again: one still in is not a new join.
        if (id > 0 && !"JOINED".equals(store.lastKind(id, endpointId))) {
            store.insert(new AttendanceStore.Event(id, endpointId, siteCode, displayName, "JOINED", at, node));
            live.publish(new LiveEvents.LiveEvent(id, "joined", siteCode, endpointId, displayName, at));
        }
    }

    @Override
    @Transactional
    public void left(String room, String endpointId, Instant at) {
        long id = RoomNames.meetingOf(room);
        if (id > 0) {
            store.lockMeeting(id);
        }
        // Idempotent: a leave seen on re-entry (occupants) may also arrive as the occupant's own presence.
        if (id > 0 && "JOINED".equals(store.lastKind(id, endpointId))) {
            leave(id, endpointId, at);
        }
    }

    private void leave(long id, String endpointId, Instant at) {
        String site = store.siteOf(id, endpointId);
        store.insert(new AttendanceStore.Event(id, endpointId, site, null, "LEFT", at, null));
        live.publish(new LiveEvents.LiveEvent(id, "left", site, endpointId, null, at));
    }

    @Override
    @Transactional
    public void occupants(String room, String node, Predicate<String> stillHere, Instant at) {
        long id = RoomNames.meetingOf(room);
        if (id <= 0) {
            return;
        }
        store.lockMeeting(id);
        // Per endpoint its last event; a LEFT carries no node, so "in the room on this node" is: last event a JOINED
        // heard there. Those of other nodes are not this room's to correct.
        Map<String, AttendanceStore.Event> last = new HashMap<>();
        for (AttendanceStore.Event e : store.forMeeting(id)) {
            last.put(e.endpointId(), e);
        }
        last.forEach((endpoint, e) -> {
            if ("JOINED".equals(e.kind()) && node.equals(e.node()) && !stillHere.test(endpoint)) {
                leave(id, endpoint, at);
            }
        });
    }

    @Override
    public void sipCallState(String room, String sipAddress, String sessionId, String state, String failureReason,
                             Instant at) {
        long id = RoomNames.meetingOf(room);
        if (id <= 0) {
            return;
        }
        if ("on".equals(state)) {
            // Closes an attempt a crash left open: the call is up, so it is never dialled again.
            dials.connectedByState(id, sipAddress, sessionId);
        } else if ("off".equals(state) && failureReason != null && !"undefined".equalsIgnoreCase(failureReason)) {
            // Accepted, then lost (the room system hung up, Jibri failed): dial it again by the same ladder.
            dials.callFailed(id, sipAddress, sessionId, failureReason);
        }
        live.publish(new LiveEvents.LiveEvent(id, "call-" + state, null, null,
                sipAddress + (failureReason == null ? "" : " (" + failureReason + ")"), at));
    }

    @Transactional(readOnly = true)
    public Optional<List<SiteAttendance>> of(long meetingId) {
        Optional<Meeting> meeting = meetings.find(meetingId);
        if (meeting.isEmpty()) {
            return Optional.empty();
        }
        Instant lateFrom = meeting.get().start().toInstant().plus(lateAfter);
        Map<String, List<AttendanceStore.Event>> bySite = new HashMap<>();
        for (AttendanceStore.Event e : store.forMeeting(meetingId)) {
            if (e.siteCode() != null) {
                bySite.computeIfAbsent(e.siteCode().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            }
        }
        List<SiteAttendance> out = new ArrayList<>();
        for (Meeting.Invitation i : meeting.get().invites()) {
            out.add(summarise(i.site(), bySite.getOrDefault(i.site().toUpperCase(Locale.ROOT), List.of()), lateFrom));
        }
        return Optional.of(out);
    }

    private static SiteAttendance summarise(String site, List<AttendanceStore.Event> events, Instant lateFrom) {
        Instant first = null;
        Instant lastLeft = null;
        Map<String, Boolean> inRoom = new HashMap<>();
        for (AttendanceStore.Event e : events) {
            boolean join = e.kind().equals("JOINED");
            inRoom.put(e.endpointId(), join);
            if (join && first == null) {
                first = e.at();
            }
            if (!join) {
                lastLeft = e.at();
            }
        }
        int present = (int) inRoom.values().stream().filter(b -> b).count();
        State state = first == null ? State.MISSING : present == 0 ? State.LEFT
                : first.isAfter(lateFrom) ? State.LATE : State.PRESENT;
        return new SiteAttendance(site, state, first, lastLeft, present);
    }

    @Transactional(readOnly = true)
    public List<Endpoint> endpoints(long meetingId) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (AttendanceStore.Event e : store.forMeeting(meetingId)) {
            if (e.siteCode() != null) {
                map.put(e.endpointId(), e.siteCode());
            }
        }
        return map.entrySet().stream().map(en -> new Endpoint(en.getKey(), en.getValue())).toList();
    }
}
