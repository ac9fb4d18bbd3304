package vn.hoinghi.orchestrator.records;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.reports.FactsCollector;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Seals every ENDED meeting once its end is {@code seal-delay} (2 min) old, so the collector has flushed its last
 * windows. A sweep rather than a hook in the END job: a crash between ENDED and sealing loses nothing, the next
 * round (any instance) seals it, and provisioning needs no knowledge of records.
 */
@Singleton
public class Sealer {
    private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);
    private final RecordsConfig config;
    private final SigningKey key;
    private final FactsCollector facts;
    private final RecordWriter writer;
    private final Pending pending;
    private final Clock clock;

    public Sealer(RecordsConfig config, SigningKey key, FactsCollector facts, RecordWriter writer, Pending pending,
                  Clock clock) {
        this.config = config;
        this.key = key;
        this.facts = facts;
        this.writer = writer;
        this.pending = pending;
        this.clock = clock;
    }

    /** Reads which meetings wait for a record, in its own short transaction. */
    @Singleton
    public static class Pending {
        private final RecordStore store;

        public Pending(RecordStore store) {
            this.store = store;
        }

        @Transactional(readOnly = true)
        public List<Long> ended(java.time.Instant cutoff) {
            return store.endedUnsealed(cutoff, 50);
        }
    }

    @Scheduled(fixedDelay = "${hoinghi.records.tick:30s}", initialDelay = "20s")
    void tick() {
        try {
            sealDue();
        } catch (RuntimeException e) {
            LOG.warn("sealing round failed: {}", e.toString());
        }
    }

    /** One round; returns how many records were sealed. */
    public int sealDue() {
        if (!config.isEnabled() || !key.configured()) {
            return 0;
        }
        int n = 0;
        for (long id : pending.ended(clock.instant().minus(config.getSealDelay()))) {
            if (seal(id, null, null, RecordWriter.ACTOR).isPresent()) {
                n++;
            }
        }
        return n;
    }

    public Optional<StoredRecord> seal(long meetingId, Long supersedes, String correction, String actor) {
        return facts.collect(meetingId).flatMap(f -> writer.seal(f, supersedes, correction, actor));
    }
}
