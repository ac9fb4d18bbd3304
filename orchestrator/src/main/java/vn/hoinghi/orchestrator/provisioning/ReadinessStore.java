package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.JOB;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.READINESS_CHECK;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.ROOM_SYSTEM;

/** The last test dial of each room system. */
@Singleton
public class ReadinessStore {
    private final DSLContext db;
    private final Clock clock;

    public ReadinessStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Serdeable
    public record Result(String site, String address, String outcome, String detail, Instant checkedAt) {
    }

    public void record(String address, boolean ok, String detail) {
        var id = db.select(ROOM_SYSTEM.ID).from(ROOM_SYSTEM).where(ROOM_SYSTEM.ADDRESS.eq(address)).fetchOne();
        if (id == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(READINESS_CHECK)
                .set(READINESS_CHECK.ROOM_SYSTEM_ID, id.value1())
                .set(READINESS_CHECK.CHECKED_AT, now)
                .set(READINESS_CHECK.OUTCOME, ok ? "OK" : "FAILED")
                .set(READINESS_CHECK.DETAIL, detail)
                .onConflict(READINESS_CHECK.ROOM_SYSTEM_ID).doUpdate()
                .set(READINESS_CHECK.CHECKED_AT, now)
                .set(READINESS_CHECK.OUTCOME, ok ? "OK" : "FAILED")
                .set(READINESS_CHECK.DETAIL, detail)
                .execute();
    }

    public List<Result> forSite(String site) {
        return db.select(ROOM_SYSTEM.SITE_CODE, ROOM_SYSTEM.ADDRESS, READINESS_CHECK.OUTCOME, READINESS_CHECK.DETAIL,
                        READINESS_CHECK.CHECKED_AT)
                .from(ROOM_SYSTEM).leftJoin(READINESS_CHECK).on(READINESS_CHECK.ROOM_SYSTEM_ID.eq(ROOM_SYSTEM.ID))
                .where(ROOM_SYSTEM.SITE_CODE.eq(site)).and(ROOM_SYSTEM.RETIRED_AT.isNull())
                .orderBy(ROOM_SYSTEM.POSITION, ROOM_SYSTEM.ID)
                .fetch(r -> new Result(r.value1(), r.value2(), r.value3() == null ? "NEVER" : r.value3(), r.value4(),
                        r.value5() == null ? null : r.value5().toInstant()));
    }

    /** Is a test dial of this site running now? Only then may its test room exist (mod_reservations). */
    public boolean testRunning(String site) {
        return db.fetchExists(JOB, JOB.KIND.eq(JobKind.TEST_DIAL.name()).and(JOB.SITE_CODE.eq(site))
                .and(JOB.STATUS.eq("RUNNING")));
    }
}
