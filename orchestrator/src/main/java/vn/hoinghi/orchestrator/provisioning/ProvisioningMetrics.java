package vn.hoinghi.orchestrator.provisioning;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.platform.metrics.MetricLabels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job queue and dial-out as metrics: {@code hoinghi_jobs{kind,status}} (not yet done),
 * {@code hoinghi_jobs_overdue{kind}} (pending over a minute past due: the runner is stuck or down),
 * {@code hoinghi_jobs_oldest_due_age_seconds}, {@code hoinghi_dial_attempts_total{method,outcome}} (every dial-out
 * attempt ever logged; outcome {@code pending} while open) and {@code hoinghi_operator_alerts_open{severity}}.
 * Refreshed from the database every 15 s off the scrape thread, since a scrape must never wait on a query.
 */
@Singleton
public class ProvisioningMetrics implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningMetrics.class);
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);
    private static final List<String> JOB_STATUSES = List.of("PENDING", "RUNNING", "FAILED");
    private static final List<String> OUTCOMES = List.of("CONNECTED", "FAILED", "UNKNOWN", "HUNG_UP", "PENDING");
    private static final List<String> SEVERITIES = List.of("WARNING", "CRITICAL");
    /** Lazy: the store needs the database, whose pool needs the meter registry that binds this. */
    private final BeanProvider<ProvisioningMetricsStore> store;
    private final Clock clock;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final AtomicLong oldestDueMillis = new AtomicLong();

    public ProvisioningMetrics(BeanProvider<ProvisioningMetricsStore> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (JobKind kind : JobKind.values()) {
            for (String status : JOB_STATUSES) {
                Gauge.builder("hoinghi.jobs", value("jobs/" + kind + "/" + status), AtomicLong::get)
                        .description("Provisioning jobs not yet done, by kind and status")
                        .tags("kind", MetricLabels.of(kind), "status", status.toLowerCase()).register(registry);
            }
            Gauge.builder("hoinghi.jobs.overdue", value("overdue/" + kind), AtomicLong::get)
                    .description("Pending jobs more than a minute past their due time")
                    .tag("kind", MetricLabels.of(kind)).register(registry);
        }
        Gauge.builder("hoinghi.jobs.oldest.due.age", oldestDueMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("How long the oldest due, unfinished job has been waiting").register(registry);
        for (DialMethod method : DialMethod.values()) {
            for (String outcome : OUTCOMES) {
                FunctionCounter.builder("hoinghi.dial.attempts", value("dials/" + method + "/" + outcome),
                                AtomicLong::get)
                        .description("Dial-out attempts logged, by method and outcome")
                        .tags("method", MetricLabels.of(method), "outcome", outcome.toLowerCase()).register(registry);
            }
        }
        for (String severity : SEVERITIES) {
            Gauge.builder("hoinghi.operator.alerts.open", value("alerts/" + severity), AtomicLong::get)
                    .description("Operator alerts not yet acknowledged (GET /api/v1/alerts)")
                    .tag("severity", severity.toLowerCase()).register(registry);
        }
    }

    @Scheduled(fixedDelay = "${hoinghi.monitoring.refresh:15s}", initialDelay = "1s")
    void refresh() {
        try {
            Instant now = clock.instant();
            var s = store.get().read(now, now.minus(OVERDUE_AFTER));
            for (JobKind kind : JobKind.values()) {
                for (String status : JOB_STATUSES) {
                    value("jobs/" + kind + "/" + status).set(s.jobs().getOrDefault(kind + "/" + status, 0L));
                }
                value("overdue/" + kind).set(s.overdue().getOrDefault(kind.name(), 0L));
            }
            oldestDueMillis.set(Math.round(s.oldestDueSeconds() * 1000));
            for (DialMethod method : DialMethod.values()) {
                for (String outcome : OUTCOMES) {
                    value("dials/" + method + "/" + outcome).set(s.dials().getOrDefault(method + "/" + outcome, 0L));
                }
            }
            for (String severity : SEVERITIES) {
                value("alerts/" + severity).set(s.openAlerts().getOrDefault(severity, 0L));
            }
        } catch (RuntimeException e) {
            // The values stay as last read; a database outage shows in pg_up and the orchestrator's /health.
            LOG.warn("provisioning metrics not refreshed: {}", e.toString());
        }
    }

    private AtomicLong value(String key) {
        return values.computeIfAbsent(key, k -> new AtomicLong());
    }
}
