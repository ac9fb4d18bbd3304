package vn.hoinghi.orchestrator.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks the audit chain on a timer, as {@code GET /api/v1/audit/verify} does, so a broken chain pages someone
 * instead of waiting for an auditor: {@code hoinghi_audit_chain_valid} (1 intact, 0 broken, NaN before the first
 * walk), {@code hoinghi_audit_chain_rows} and {@code hoinghi_audit_chain_verified_timestamp_seconds} (when the last
 * walk finished; a stale value means verification itself is failing).
 */
@Singleton
public class AuditChainMetrics implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainMetrics.class);
    /** Lazy: the log needs the database, whose pool needs the meter registry that binds this. */
    private final BeanProvider<AuditLog> audit;
    private final Clock clock;
    private final AtomicLong valid = new AtomicLong(-1);
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong verifiedAtMillis = new AtomicLong();

    public AuditChainMetrics(BeanProvider<AuditLog> audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hoinghi.audit.chain.valid", valid, v -> v.get() < 0 ? Double.NaN : v.get())
                .description("1 when the whole audit hash chain verified at the last walk, 0 when a row was edited, "
                        + "inserted or removed").register(registry);
        Gauge.builder("hoinghi.audit.chain.rows", rows, AtomicLong::get)
                .description("Audit rows verified at the last walk").register(registry);
        Gauge.builder("hoinghi.audit.chain.verified.timestamp", verifiedAtMillis, v -> v.get() / 1000.0)
                .baseUnit("seconds").description("When the last walk of the audit chain finished (Unix time)")
                .register(registry);
    }

    /** A full walk reads every row once, streamed; at 10 minutes it costs the database little. */
    @Scheduled(fixedDelay = "${hoinghi.monitoring.audit-verify-every:10m}", initialDelay = "2s")
    void verify() {
        try {
            AuditVerification v = audit.get().verify();
            valid.set(v.intact() ? 1 : 0);
            rows.set(v.rows());
            verifiedAtMillis.set(clock.millis());
            if (!v.intact()) {
                LOG.error("audit chain broken at row {}: {}", v.firstBadId(), v.reason());
            }
        } catch (RuntimeException e) {
            LOG.warn("audit chain not verified: {}", e.toString());
        }
    }
}
