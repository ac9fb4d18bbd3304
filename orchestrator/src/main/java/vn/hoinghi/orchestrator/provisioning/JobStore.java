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

/** The jobs table: idempotent scheduling, leased claims with SKIP LOCKED, fenced completion. */
@Singleton
public class JobStore {
    private final DSLContext db;
    private final Clock clock;

    public JobStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Schedules a job unless one with the same key exists; returns whether it was new. */
    public boolean schedule(JobKind kind, Long meetingId, String siteCode, String dedupeKey, Instant runAt) {
        return db.insertInto(JOB)
                .set(JOB.KIND, kind.name())
                .set(JOB.MEETING_ID, meetingId)
                .set(JOB.SITE_CODE, siteCode)
                .set(JOB.DEDUPE_KEY, dedupeKey)
                .set(JOB.RUN_AT, utc(runAt))
                .set(JOB.PLANNED_AT, utc(runAt))
                .set(JOB.CREATED_AT, now())
                .set(JOB.UPDATED_AT, now())
                .onConflict(JOB.DEDUPE_KEY).doNothing()
                .execute() == 1;
    }

    /**
     * Claims up to {@code max} due jobs: pending ones whose time has come, and running ones whose lease expired
     * (their runner died). Rows another runner is claiming are skipped, not waited for.
     */
    public List<Job> claim(String runner, int max, Duration lease) {
        OffsetDateTime now = now();
        var due = db.select(JOB.ID).from(JOB)
                .where(JOB.STATUS.eq("PENDING").and(JOB.RUN_AT.le(now)))
                .or(JOB.STATUS.eq("RUNNING").and(JOB.LEASE_UNTIL.lt(now)))
                .orderBy(JOB.RUN_AT)
                .limit(max)
                .forUpdate().skipLocked()
                .fetch(r -> r.value1());
        if (due.isEmpty()) {
            return List.of();
        }
        return db.update(JOB)
                .set(JOB.STATUS, "RUNNING")
                .set(JOB.LEASE_UNTIL, now.plus(lease))
                .set(JOB.LEASED_BY, runner)
                .set(JOB.ATTEMPTS, JOB.ATTEMPTS.plus(1))
                .set(JOB.UPDATED_AT, now)
                .where(JOB.ID.in(due))
                .returning()
                .fetch(r -> new Job(r.getId(), JobKind.valueOf(r.getKind()), r.getMeetingId(), r.getSiteCode(),
                        r.getDedupeKey(), r.getRunAt().toInstant(), r.getAttempts()));
    }

    /** Records the outcome, only if this runner still holds the lease (a late runner cannot overwrite). */
    public boolean complete(long id, String runner, JobOutcome outcome) {
        var update = db.update(JOB).set(JOB.UPDATED_AT, now()).set(JOB.LEASE_UNTIL, (OffsetDateTime) null);
        org.jooq.UpdateSetMoreStep<?> set;
        if (outcome instanceof JobOutcome.RetryAt r) {
            set = update.set(JOB.STATUS, "PENDING").set(JOB.RUN_AT, utc(r.at())).set(JOB.LAST_ERROR, r.reason());
        } else if (outcome instanceof JobOutcome.Failed f) {
            set = update.set(JOB.STATUS, "FAILED").set(JOB.LAST_ERROR, f.reason());
        } else {
            set = update.set(JOB.STATUS, "DONE").set(JOB.LAST_ERROR, (String) null);
        }
        return set.where(JOB.ID.eq(id)).and(JOB.LEASED_BY.eq(runner)).and(JOB.STATUS.eq("RUNNING")).execute() == 1;
    }

    /**
     * Runs a finished job again at {@code at} (a call it connected failed later). A job being run right now is
     * left alone: its runner reads the attempts afresh. Returns whether it was reopened.
     */
    public boolean reopen(long id, Instant at) {
        return db.update(JOB).set(JOB.STATUS, "PENDING").set(JOB.RUN_AT, utc(at)).set(JOB.UPDATED_AT, now())
                .set(JOB.LAST_ERROR, "call failed after it connected")
                .where(JOB.ID.eq(id)).and(JOB.STATUS.in("DONE", "PENDING")).execute() == 1;
    }

    /** Counts by status, for tests and the health of the runner. */
    public java.util.Map<String, Integer> countsFor(long meetingId) {
        return db.select(JOB.STATUS, DSL.count()).from(JOB).where(JOB.MEETING_ID.eq(meetingId))
                .groupBy(JOB.STATUS).fetchMap(r -> r.value1(), r -> r.value2());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
