package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.DIAL_ATTEMPT;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.JOB;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.OPERATOR_ALERT;

/**
 * Counts behind {@link ProvisioningMetrics}, read from the tables rather than counted in memory: they survive a
 * restart, and two orchestrators on one database report the same numbers. Each is one indexed aggregate.
 */
@Singleton
public class ProvisioningMetricsStore {
    private final DSLContext db;

    public ProvisioningMetricsStore(DSLContext db) {
        this.db = db;
    }

    /** Key "KIND/STATUS" for jobs not yet DONE. */
    public record Snapshot(Map<String, Long> jobs, Map<String, Long> overdue, double oldestDueSeconds,
                           Map<String, Long> dials, Map<String, Long> openAlerts) {
    }

    @Transactional(readOnly = true)
    public Snapshot read(Instant now, Instant overdueBefore) {
        Map<String, Long> jobs = new HashMap<>();
        db.select(JOB.KIND, JOB.STATUS, DSL.count()).from(JOB).where(JOB.STATUS.ne("DONE"))
                .groupBy(JOB.KIND, JOB.STATUS)
                .forEach(r -> jobs.put(r.value1() + "/" + r.value2(), r.value3().longValue()));
        Map<String, Long> overdue = new HashMap<>();
        db.select(JOB.KIND, DSL.count()).from(JOB)
                .where(JOB.STATUS.eq("PENDING")).and(JOB.RUN_AT.lt(overdueBefore.atOffset(ZoneOffset.UTC)))
                .groupBy(JOB.KIND)
                .forEach(r -> overdue.put(r.value1(), r.value2().longValue()));
        var oldest = db.select(DSL.min(JOB.RUN_AT)).from(JOB)
                .where(JOB.STATUS.in("PENDING", "RUNNING")).and(JOB.RUN_AT.le(now.atOffset(ZoneOffset.UTC)))
                .fetchOne(0, java.time.OffsetDateTime.class);
        double oldestDue = oldest == null ? 0 : Math.max(0, (now.toEpochMilli() - oldest.toInstant().toEpochMilli())
                / 1000.0);
        Map<String, Long> dials = new HashMap<>();
        db.select(DIAL_ATTEMPT.METHOD, DIAL_ATTEMPT.OUTCOME, DSL.count()).from(DIAL_ATTEMPT)
                .groupBy(DIAL_ATTEMPT.METHOD, DIAL_ATTEMPT.OUTCOME)
                .forEach(r -> dials.put(r.value1() + "/" + (r.value2() == null ? "PENDING" : r.value2()),
                        r.value3().longValue()));
        Map<String, Long> alerts = new HashMap<>();
        db.select(OPERATOR_ALERT.SEVERITY, DSL.count()).from(OPERATOR_ALERT)
                .where(OPERATOR_ALERT.ACKNOWLEDGED_AT.isNull()).groupBy(OPERATOR_ALERT.SEVERITY)
                .forEach(r -> alerts.put(r.value1(), r.value2().longValue()));
        return new Snapshot(jobs, overdue, oldestDue, dials, alerts);
    }
}
