package vn.hoinghi.orchestrator.attendance;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.ATTENDANCE_EVENT;

/** Join and leave events per meeting, as observed in the MUC. */
@Singleton
public class AttendanceStore {
    private final DSLContext db;

    public AttendanceStore(DSLContext db) {
        this.db = db;
    }

    /** {@code node}: where it was heard, {@code RoomEvents.MAIN_ROOM} or a visitor node's id. */
    public record Event(long meetingId, String endpointId, String siteCode, String displayName, String kind,
                        Instant at, String node) {
    }

    /**
     * Serialises the roll-call writes of one meeting until the transaction ends: with two orchestrators in the
     * room both hear every presence, and "last event, then insert" must not interleave into a doubled join.
     */
    public void lockMeeting(long meetingId) {
        db.execute("SELECT pg_advisory_xact_lock(hashtext('attendance'), {0})", DSL.val((int) meetingId));
    }

    public void insert(Event e) {
        db.insertInto(ATTENDANCE_EVENT)
                .set(ATTENDANCE_EVENT.MEETING_ID, e.meetingId())
                .set(ATTENDANCE_EVENT.ENDPOINT_ID, e.endpointId())
                .set(ATTENDANCE_EVENT.SITE_CODE, e.siteCode())
                .set(ATTENDANCE_EVENT.DISPLAY_NAME, e.displayName())
                .set(ATTENDANCE_EVENT.KIND, e.kind())
                .set(ATTENDANCE_EVENT.AT, e.at().atOffset(ZoneOffset.UTC))
                .set(ATTENDANCE_EVENT.NODE, e.node())
                .execute();
    }

    public List<Event> forMeeting(long meetingId) {
        return db.selectFrom(ATTENDANCE_EVENT).where(ATTENDANCE_EVENT.MEETING_ID.eq(meetingId))
                .orderBy(ATTENDANCE_EVENT.AT, ATTENDANCE_EVENT.ID)
                .fetch(r -> new Event(r.getMeetingId(), r.getEndpointId(), r.getSiteCode(), r.getDisplayName(),
                        r.getKind(), r.getAt().toInstant(), r.getNode()));
    }

    /** The last thing heard of an endpoint in a meeting's room (JOINED or LEFT), null when it was never seen. */
    public String lastKind(long meetingId, String endpointId) {
        return db.select(ATTENDANCE_EVENT.KIND).from(ATTENDANCE_EVENT)
                .where(ATTENDANCE_EVENT.MEETING_ID.eq(meetingId)).and(ATTENDANCE_EVENT.ENDPOINT_ID.eq(endpointId))
                .orderBy(ATTENDANCE_EVENT.ID.desc()).limit(1).fetchOne(r -> r.value1());
    }

    /** The site of an endpoint that ever joined with a verified identity (for telemetry attribution). */
    public String siteOf(long meetingId, String endpointId) {
        return db.select(ATTENDANCE_EVENT.SITE_CODE).from(ATTENDANCE_EVENT)
                .where(ATTENDANCE_EVENT.MEETING_ID.eq(meetingId)).and(ATTENDANCE_EVENT.ENDPOINT_ID.eq(endpointId))
                .and(ATTENDANCE_EVENT.SITE_CODE.isNotNull())
                .orderBy(ATTENDANCE_EVENT.ID.desc()).limit(1).fetchOne(r -> r.value1());
    }
}
