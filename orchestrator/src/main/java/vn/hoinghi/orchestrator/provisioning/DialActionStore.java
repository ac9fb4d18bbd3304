package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.DIAL_ESCALATION;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.JOB;

/** Rows behind an operator's retry and escalation of one room system: its dial jobs and the escalations. */
@Singleton
public class DialActionStore {
    private final DSLContext db;
    private final Clock clock;

    public DialActionStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Escalation(long id, long meetingId, String site, String actor, String note, Instant createdAt,
                             Integer textsSent, Integer textsFailed) {
    }

    /** Whether a runner holds a DIAL job of this site right now: it may be dialling this very moment. */
    public boolean dialRunning(long meetingId, String site) {
        return db.fetchExists(db.selectOne().from(JOB).where(JOB.KIND.eq(JobKind.DIAL.name()))
                .and(JOB.MEETING_ID.eq(meetingId)).and(JOB.SITE_CODE.eq(site)).and(JOB.STATUS.eq("RUNNING")));
    }

    /**
     * Closes the site's DIAL jobs still waiting (a backoff, a reopened call): the operator's retry replaces them, so
     * two jobs never dial one room system. Only PENDING rows change; a RUNNING one is refused earlier.
     */
    public int supersedePending(long meetingId, String site, String why) {
        return db.update(JOB).set(JOB.STATUS, "DONE").set(JOB.LAST_ERROR, why).set(JOB.UPDATED_AT, now())
                .where(JOB.KIND.eq(JobKind.DIAL.name())).and(JOB.MEETING_ID.eq(meetingId))
                .and(JOB.SITE_CODE.eq(site)).and(JOB.STATUS.eq("PENDING")).execute();
    }

    /** The number of the next operator retry of this site, for a job key no earlier retry used. */
    public int nextRetryNo(long meetingId, String site) {
        return db.fetchCount(JOB, JOB.DEDUPE_KEY.like(retryKeyPrefix(meetingId, site) + "%")) + 1;
    }

    public static String retryKeyPrefix(long meetingId, String site) {
        return "dial:" + meetingId + ":" + site + ":retry:";
    }

    public long escalate(long meetingId, String site, String actor, String note) {
        return db.insertInto(DIAL_ESCALATION)
                .set(DIAL_ESCALATION.MEETING_ID, meetingId)
                .set(DIAL_ESCALATION.SITE_CODE, site)
                .set(DIAL_ESCALATION.ACTOR, actor)
                .set(DIAL_ESCALATION.NOTE, note)
                .set(DIAL_ESCALATION.CREATED_AT, now())
                .returning(DIAL_ESCALATION.ID).fetchOne().getId();
    }

    public void textsDone(long escalationId, int sent, int failed) {
        db.update(DIAL_ESCALATION).set(DIAL_ESCALATION.TEXTS_SENT, sent).set(DIAL_ESCALATION.TEXTS_FAILED, failed)
                .where(DIAL_ESCALATION.ID.eq(escalationId)).execute();
    }

    public List<Escalation> escalations(long meetingId) {
        return db.selectFrom(DIAL_ESCALATION).where(DIAL_ESCALATION.MEETING_ID.eq(meetingId))
                .orderBy(DIAL_ESCALATION.ID)
                .fetch(r -> new Escalation(r.getId(), r.getMeetingId(), r.getSiteCode(), r.getActor(), r.getNote(),
                        r.getCreatedAt().toInstant(), r.getTextsSent(), r.getTextsFailed()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
