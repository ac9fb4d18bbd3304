package vn.hoinghi.orchestrator.audit;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import vn.hoinghi.orchestrator.platform.db.jooq.tables.records.AuditLogRecord;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.AUDIT_LOG;

@Singleton
public class AuditStore {
    private static final int VERIFY_FETCH_SIZE = 1000;
    private final DSLContext db;

    /** The newest row of the chain: the next row links to its hash. */
    public record Head(long id, String hash) {
    }

    public AuditStore(DSLContext db) {
        this.db = db;
    }

    /**
     * Locks the chain head for the rest of the transaction: appends are serialised so that two writers never
     * link to the same previous row. Returns the newest (id, hash), if any.
     */
    public Optional<Head> lockHead() {
        db.execute("SELECT pg_advisory_xact_lock(hashtext('hoinghi.audit_log'))");
        return db.select(AUDIT_LOG.ID, AUDIT_LOG.HASH)
                .from(AUDIT_LOG)
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(1)
                .fetchOptional(r -> new Head(r.value1(), r.value2()));
    }

    public void insert(List<AuditRecord> rows) {
        var insert = db.insertInto(AUDIT_LOG, AUDIT_LOG.ID, AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION,
                AUDIT_LOG.ENTITY, AUDIT_LOG.ENTITY_ID, AUDIT_LOG.BEFORE_JSON, AUDIT_LOG.AFTER_JSON,
                AUDIT_LOG.PREV_HASH, AUDIT_LOG.HASH);
        for (AuditRecord r : rows) {
            insert = insert.values(r.id(), r.at().atOffset(ZoneOffset.UTC), r.actor(), r.action(), r.entity(),
                    r.entityId(), r.beforeJson(), r.afterJson(), r.prevHash(), r.hash());
        }
        insert.execute();
    }

    /** Streams the chain in id order without loading it whole. */
    public void forEachInOrder(Consumer<AuditRecord> visitor) {
        try (var cursor = db.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID).fetchSize(VERIFY_FETCH_SIZE).fetchLazy()) {
            for (var r : cursor) {
                visitor.accept(toRecord(r));
            }
        }
    }

    public List<AuditRecord> forEntity(String entity, String entityId, int limit) {
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY.eq(entity).and(AUDIT_LOG.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(AuditStore::toRecord);
    }

    /** The newest row of one action on one entity, if any. */
    public Optional<AuditRecord> latest(String action, String entity, String entityId) {
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY.eq(entity).and(AUDIT_LOG.ENTITY_ID.eq(entityId))
                        .and(AUDIT_LOG.ACTION.eq(action)))
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(1)
                .fetchOptional(AuditStore::toRecord);
    }

    private static AuditRecord toRecord(AuditLogRecord r) {
        return new AuditRecord(r.getId(), r.getAt().toInstant(), r.getActor(), r.getAction(), r.getEntity(),
                r.getEntityId(), r.getBeforeJson(), r.getAfterJson(), r.getPrevHash(), r.getHash());
    }
}
