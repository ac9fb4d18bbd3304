package vn.hoinghi.orchestrator.audit;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;

/**
 * Append-only, hash-chained record of every change. Appends join the caller's transaction, so a change and its
 * audit row commit or roll back together.
 */
@Singleton
public class AuditLog {
    private final AuditStore store;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(AuditStore store, JsonMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void append(AuditEvent event) {
        appendAll(List.of(event));
    }

    /**
     * Appends {@code event} unless the newest row of the same action on the same entity already records what
     * {@code repeats} deems the same state (its stored {@code after}, read back as {@code type}, against the
     * event's). For observations several orchestrators make of one outside fact, such as a bridge's drain mode:
     * the chain's lock serialises the check and the append, so the fact is recorded once whoever saw it first.
     */
    @Transactional
    public <T> boolean appendUnlessRepeat(AuditEvent event, Class<T> type, BiPredicate<T, T> repeats) {
        var head = store.lockHead();
        var last = store.latest(event.action(), event.entity(), event.entityId());
        if (last.isPresent() && last.get().afterJson() != null
                && repeats.test(fromJson(last.get().afterJson(), type), type.cast(event.after()))) {
            return false;
        }
        insertAfter(head, List.of(event));
        return true;
    }

    @Transactional
    public void appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        insertAfter(store.lockHead(), events);
    }

    /** Chains {@code events} after {@code head}, which the caller read under the chain's lock. */
    private void insertAfter(Optional<AuditStore.Head> head, List<AuditEvent> events) {
        long id = head.map(AuditStore.Head::id).orElse(0L);
        String prev = head.map(AuditStore.Head::hash).orElse(AuditChain.GENESIS);
        Instant at = AuditChain.storable(clock.instant());
        List<AuditRecord> rows = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            id++;
            String before = toJson(e.before());
            String after = toJson(e.after());
            String hash = AuditChain.hash(id, at, e.actor(), e.action(), e.entity(), e.entityId(), before, after, prev);
            rows.add(new AuditRecord(id, at, e.actor(), e.action(), e.entity(), e.entityId(), before, after, prev, hash));
            prev = hash;
        }
        store.insert(rows);
    }

    /** Walks the chain from the first row; stops at the first row whose links or content do not match. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        var state = new AtomicReference<>(new Walk(0, AuditChain.GENESIS, null, null));
        store.forEachInOrder(row -> state.set(state.get().next(row)));
        Walk w = state.get();
        return new AuditVerification(w.badId == null, w.rows, w.prevHash, w.badId, w.reason);
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> history(String entity, String entityId) {
        return store.forEntity(entity, entityId, 200);
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException("audit state is not serialisable: " + state.getClass(), e);
        }
    }

    private <T> T fromJson(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException("audit state is not readable as " + type.getSimpleName(), e);
        }
    }

    private record Walk(long rows, String prevHash, Long badId, String reason) {
        Walk next(AuditRecord row) {
            if (badId != null) {
                return this;
            }
            if (row.id() != rows + 1) {
                return fail(row, "row " + (rows + 1) + " is missing");
            }
            if (!row.prevHash().equals(prevHash)) {
                return fail(row, "row does not link to the previous row");
            }
            if (!AuditChain.hashOf(row).equals(row.hash())) {
                return fail(row, "row content does not match its hash");
            }
            return new Walk(rows + 1, row.hash(), null, null);
        }

        private Walk fail(AuditRecord row, String why) {
            return new Walk(rows, prevHash, row.id(), why);
        }
    }
}
