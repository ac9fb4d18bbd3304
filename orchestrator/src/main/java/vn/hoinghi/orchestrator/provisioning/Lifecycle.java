package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.booking.MeetingStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Provisioning's moves of the meeting state machine, each committed and audited on its own. */
@Singleton
public class Lifecycle {
    static final String ACTOR = "system:provisioning";
    private final MeetingStore meetings;
    private final ProvisioningStore store;
    private final AuditLog audit;

    public Lifecycle(MeetingStore meetings, ProvisioningStore store, AuditLog audit) {
        this.meetings = meetings;
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Meeting> meeting(long id) {
        return meetings.find(id);
    }

    @Transactional(readOnly = true)
    public List<Long> inRoom() {
        return store.inRoom();
    }

    /** Moves the meeting if it is in {@code from}; false when it is not (cancelled meanwhile, already moved). */
    @Transactional
    public boolean move(long id, MeetingStatus from, MeetingStatus to, String reason) {
        if (!from.canMoveTo(to) || !meetings.updateStatus(id, from, to, ACTOR, reason)) {
            return false;
        }
        meetings.outbox("meeting.status", id, "{\"meetingId\":" + id + ",\"status\":\"" + to + "\"}");
        audit.append(new AuditEvent(ACTOR, "meeting.status", "meeting", Long.toString(id),
                Map.of("status", from.name()), Map.of("status", to.name(), "reason", reason == null ? "" : reason)));
        return true;
    }

    /** Fails the meeting (from whatever live state it is in) and raises a critical operator alert. */
    @Transactional
    public void fail(long id, String reason) {
        meetings.find(id).ifPresent(m -> {
            if (m.status().canMoveTo(MeetingStatus.FAILED)) {
                move(id, m.status(), MeetingStatus.FAILED, reason);
            }
        });
        store.alert(id, null, "CRITICAL", reason);
    }

    @Transactional
    public void alert(long meetingId, String site, String message) {
        store.alert(meetingId, site, "WARNING", message);
    }
}
