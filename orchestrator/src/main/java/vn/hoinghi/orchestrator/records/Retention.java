package vn.hoinghi.orchestrator.records;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Drops records older than {@code hoinghi.records.retention} (default ten years; 0 keeps them for ever), oldest
 * first, once a day. Each purge is an audit entry naming the cut-off, so the chain's new first link is explained.
 */
@Singleton
public class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private final RecordStore store;
    private final RecordsConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public Retention(RecordStore store, RecordsConfig config, AuditLog audit, Clock clock) {
        this.store = store;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "24h", initialDelay = "10m")
    void daily() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("record retention purge failed: {}", e.toString());
        }
    }

    @Transactional
    public int purge() {
        Duration keep = config.getRetention();
        if (keep == null || keep.isZero() || keep.isNegative()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(keep);
        int n = store.purgeBefore(cutoff);
        if (n > 0) {
            audit.append(new AuditEvent("system:records", "record.purged", "meeting_record", "retention",
                    Map.of(), Map.of("sealedBefore", cutoff.toString(), "records", n)));
            LOG.info("retention: {} records sealed before {} deleted", n, cutoff);
        }
        return n;
    }
}
