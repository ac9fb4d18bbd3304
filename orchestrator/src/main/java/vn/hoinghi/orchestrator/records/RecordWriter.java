package vn.hoinghi.orchestrator.records;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.platform.crypto.Sha256;
import vn.hoinghi.orchestrator.reports.MeetingFacts;
import vn.hoinghi.orchestrator.reports.ReportStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Seals facts in one transaction: chain lock, canonical JSON, hash, CMS signature, the record row, the report
 * aggregates and an audit entry. Either all of it is committed or none.
 */
@Singleton
public class RecordWriter {
    static final String ACTOR = "system:records";
    private final RecordStore store;
    private final ReportStore reports;
    private final SigningKey key;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    public RecordWriter(RecordStore store, ReportStore reports, SigningKey key, AuditLog audit, JsonMapper json,
                        Clock clock) {
        this.store = store;
        this.reports = reports;
        this.key = key;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Seals the first record of a meeting; empty when another sealer got there first. */
    @Transactional
    public Optional<StoredRecord> seal(MeetingFacts facts, Long supersedes, String correction, String actor) {
        store.lockChain();
        if (supersedes == null && !store.ofMeeting(facts.meetingId()).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String previous = store.headHash();
        String content = canonical(new RecordContent(RecordContent.KIND, 1, facts.meetingId(), now.toString(),
                previous, supersedes, correction, facts));
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        StoredRecord draft = new StoredRecord(0, facts.meetingId(), supersedes, now, content, Sha256.hex(content),
                previous, Cms.sign(bytes, key.key(), key.certificate()), Cms.pem(key.certificate()));
        long id = store.insert(draft);
        reports.replaceMeeting(facts);
        audit.append(new AuditEvent(actor, supersedes == null ? "record.sealed" : "record.corrected", "meeting",
                Long.toString(facts.meetingId()), supersedes == null ? Map.of() : Map.of("record", supersedes),
                Map.of("record", id, "sha256", draft.sha256())));
        return store.find(id);
    }

    private String canonical(RecordContent c) {
        try {
            return Canonical.of(json.writeValueAsString(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
