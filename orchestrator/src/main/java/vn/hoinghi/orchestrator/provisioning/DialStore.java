package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.DIAL_ATTEMPT;

/** The dial-attempt intent log: one row per attempt, written before the dial and completed after it. */
@Singleton
public class DialStore {
    private final DSLContext db;
    private final Clock clock;

    public DialStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Attempt(long id, long jobId, Long meetingId, String siteCode, DialMethod method, String target,
                          int attemptNo, Instant startedAt, String outcome, String callId, String error) {
    }

    public List<Attempt> forJob(long jobId) {
        return db.selectFrom(DIAL_ATTEMPT).where(DIAL_ATTEMPT.JOB_ID.eq(jobId)).orderBy(DIAL_ATTEMPT.ATTEMPT_NO)
                .fetch(DialStore::toAttempt);
    }

    public List<Attempt> forMeeting(long meetingId) {
        return db.selectFrom(DIAL_ATTEMPT).where(DIAL_ATTEMPT.MEETING_ID.eq(meetingId)).orderBy(DIAL_ATTEMPT.ID)
                .fetch(DialStore::toAttempt);
    }

    public long start(long jobId, Long meetingId, String site, DialMethod method, String target, int attemptNo) {
        return db.insertInto(DIAL_ATTEMPT)
                .set(DIAL_ATTEMPT.JOB_ID, jobId)
                .set(DIAL_ATTEMPT.MEETING_ID, meetingId)
                .set(DIAL_ATTEMPT.SITE_CODE, site)
                .set(DIAL_ATTEMPT.METHOD, method.name())
                .set(DIAL_ATTEMPT.TARGET, target)
                .set(DIAL_ATTEMPT.ATTEMPT_NO, attemptNo)
                .set(DIAL_ATTEMPT.STARTED_AT, OffsetDateTime.now(clock))
                .returning(DIAL_ATTEMPT.ID).fetchOne().getId();
    }

    public void finish(long attemptId, String outcome, String callId, String error) {
        db.update(DIAL_ATTEMPT)
                .set(DIAL_ATTEMPT.OUTCOME, outcome)
                .set(DIAL_ATTEMPT.CALL_ID, callId)
                .set(DIAL_ATTEMPT.ERROR, error)
                .set(DIAL_ATTEMPT.FINISHED_AT, OffsetDateTime.now(clock))
                .where(DIAL_ATTEMPT.ID.eq(attemptId))
                .execute();
    }

    /** A gateway reported the call to {@code target} up: close an attempt that was left open by a crash. */
    public int connectedByState(long meetingId, String target, String callId) {
        return db.update(DIAL_ATTEMPT)
                .set(DIAL_ATTEMPT.OUTCOME, "CONNECTED")
                .set(DIAL_ATTEMPT.CALL_ID, callId)
                .set(DIAL_ATTEMPT.FINISHED_AT, OffsetDateTime.now(clock))
                .where(DIAL_ATTEMPT.MEETING_ID.eq(meetingId)).and(DIAL_ATTEMPT.TARGET.eq(target))
                .and(DIAL_ATTEMPT.OUTCOME.isNull().or(DIAL_ATTEMPT.OUTCOME.eq("UNKNOWN")))
                .execute();
    }

    /**
     * A gateway reported the call to {@code target} ended in failure after it had accepted it: the attempt that
     * counted as connected (or was left open) is FAILED. Returns the jobs of the attempts that changed.
     */
    public List<Long> failedByState(long meetingId, String target, String callId, String error) {
        var sameCall = callId == null ? DIAL_ATTEMPT.CALL_ID.isNull()
                : DIAL_ATTEMPT.CALL_ID.eq(callId).or(DIAL_ATTEMPT.CALL_ID.isNull());
        return db.update(DIAL_ATTEMPT)
                .set(DIAL_ATTEMPT.OUTCOME, "FAILED")
                .set(DIAL_ATTEMPT.ERROR, error)
                .set(DIAL_ATTEMPT.FINISHED_AT, OffsetDateTime.now(clock))
                .where(DIAL_ATTEMPT.MEETING_ID.eq(meetingId)).and(DIAL_ATTEMPT.TARGET.eq(target))
                .and(DIAL_ATTEMPT.METHOD.eq(DialMethod.VIDEO.name())).and(sameCall)
                .and(DIAL_ATTEMPT.OUTCOME.isNull().or(DIAL_ATTEMPT.OUTCOME.in("CONNECTED", "UNKNOWN")))
                .returning(DIAL_ATTEMPT.JOB_ID).fetch(r -> r.getJobId());
    }

    public Optional<Attempt> connected(long jobId) {
        return forJob(jobId).stream().filter(a -> "CONNECTED".equals(a.outcome())).findFirst();
    }

    private static Attempt toAttempt(vn.hoinghi.orchestrator.platform.db.jooq.tables.records.DialAttemptRecord r) {
        return new Attempt(r.getId(), r.getJobId(), r.getMeetingId(), r.getSiteCode(), DialMethod.valueOf(r.getMethod()),
                r.getTarget(), r.getAttemptNo(), r.getStartedAt().toInstant(), r.getOutcome(), r.getCallId(),
                r.getError());
    }
}
