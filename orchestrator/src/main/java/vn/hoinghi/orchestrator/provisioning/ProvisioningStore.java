package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.JOB;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING_INVITE;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.OPERATOR_ALERT;

/** Provisioning's reads of the calendar, job scheduling by upsert, and operator alerts. */
@Singleton
public class ProvisioningStore {
    private final DSLContext db;
    private final Clock clock;

    public ProvisioningStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A live meeting's times, as the scheduler needs them. */
    public record Upcoming(long id, Instant start, Instant end) {
    }

    /** Meetings that hold resources and whose preparation falls before {@code until} and that have not ended. */
    public List<Upcoming> upcoming(Instant until, Duration prepare) {
        return db.select(MEETING.ID, MEETING.STARTS_AT, MEETING.ENDS_AT).from(MEETING)
                .where(MEETING.STATUS.in("BOOKED", "PREPARING", "READY", "LIVE"))
                .and(MEETING.STARTS_AT.le(utc(until.plus(prepare))))
                .and(MEETING.ENDS_AT.gt(OffsetDateTime.now(clock)))
                .fetch(r -> new Upcoming(r.value1(), r.value2().toInstant(), r.value3().toInstant()));
    }

    /** Meetings whose room HoiNghi should sit in now: prepared (READY) or running (LIVE). */
    public List<Long> inRoom() {
        return db.select(MEETING.ID).from(MEETING).where(MEETING.STATUS.in("READY", "LIVE")).orderBy(MEETING.ID)
                .fetch(r -> r.value1());
    }

    /** Meetings running now (LIVE). */
    public List<Long> live() {
        return db.select(MEETING.ID).from(MEETING).where(MEETING.STATUS.eq("LIVE")).orderBy(MEETING.ID)
                .fetch(r -> r.value1());
    }

    /**
     * Schedules a job, or moves a still-pending one to a new time when its meeting was moved (its planned time
     * changed; a retry's later run_at is kept otherwise). Jobs already running or finished are left alone.
     */
    public void upsert(JobKind kind, long meetingId, String dedupeKey, Instant runAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(JOB)
                .set(JOB.KIND, kind.name())
                .set(JOB.MEETING_ID, meetingId)
                .set(JOB.DEDUPE_KEY, dedupeKey)
                .set(JOB.RUN_AT, utc(runAt))
                .set(JOB.PLANNED_AT, utc(runAt))
                .set(JOB.CREATED_AT, now)
                .set(JOB.UPDATED_AT, now)
                .onConflict(JOB.DEDUPE_KEY).doUpdate()
                .set(JOB.RUN_AT, utc(runAt))
                .set(JOB.PLANNED_AT, utc(runAt))
                .set(JOB.UPDATED_AT, now)
                .where(JOB.STATUS.eq("PENDING").and(JOB.PLANNED_AT.ne(DSL.excluded(JOB.PLANNED_AT))))
                .execute();
    }

    /** Sites invited to a meeting through their room system. */
    public List<String> roomSystemSites(long meetingId) {
        return db.select(MEETING_INVITE.SITE_CODE).from(MEETING_INVITE)
                .where(MEETING_INVITE.MEETING_ID.eq(meetingId)).and(MEETING_INVITE.WAY_IN.eq("ROOM_SYSTEM"))
                .fetch(r -> r.value1());
    }

    public void alert(Long meetingId, String siteCode, String severity, String message) {
        db.insertInto(OPERATOR_ALERT)
                .set(OPERATOR_ALERT.MEETING_ID, meetingId)
                .set(OPERATOR_ALERT.SITE_CODE, siteCode)
                .set(OPERATOR_ALERT.SEVERITY, severity)
                .set(OPERATOR_ALERT.MESSAGE, message)
                .set(OPERATOR_ALERT.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    public List<AlertController.Alert> openAlerts() {
        return db.selectFrom(OPERATOR_ALERT).where(OPERATOR_ALERT.ACKNOWLEDGED_AT.isNull())
                .orderBy(OPERATOR_ALERT.ID.desc()).limit(500)
                .fetch(r -> new AlertController.Alert(r.getId(), r.getMeetingId(), r.getSiteCode(), r.getSeverity(),
                        r.getMessage(), r.getCreatedAt().toInstant(), null));
    }

    public void acknowledge(long id) {
        db.update(OPERATOR_ALERT).set(OPERATOR_ALERT.ACKNOWLEDGED_AT, OffsetDateTime.now(clock))
                .where(OPERATOR_ALERT.ID.eq(id)).execute();
    }

    public List<String> alerts(long meetingId) {
        return db.select(OPERATOR_ALERT.MESSAGE).from(OPERATOR_ALERT).where(OPERATOR_ALERT.MEETING_ID.eq(meetingId))
                .orderBy(OPERATOR_ALERT.ID).fetch(r -> r.value1());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
