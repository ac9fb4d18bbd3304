package vn.hoinghi.orchestrator.records;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import vn.hoinghi.orchestrator.platform.db.jooq.tables.records.MeetingRecordRecord;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING_RECORD;

/** The append-only table of sealed records (V14_5). */
@Singleton
public class RecordStore {
    /** Serialises sealers across orchestrator instances, so the chain never forks. */
    private static final long CHAIN_LOCK = 0x484e5245434f5244L;
    private final DSLContext db;

    public RecordStore(DSLContext db) {
        this.db = db;
    }

    public void lockChain() {
        db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, CHAIN_LOCK)).fetch();
    }

    /** The hash the next record must carry as its previous hash. */
    public String headHash() {
        return db.select(MEETING_RECORD.SHA256).from(MEETING_RECORD).orderBy(MEETING_RECORD.ID.desc()).limit(1)
                .fetchOptional(r -> r.value1()).orElse(StoredRecord.GENESIS);
    }

    public long insert(StoredRecord r) {
        return db.insertInto(MEETING_RECORD)
                .set(MEETING_RECORD.MEETING_ID, r.meetingId())
                .set(MEETING_RECORD.SUPERSEDES_ID, r.supersedesId())
                .set(MEETING_RECORD.SEALED_AT, r.sealedAt().atOffset(ZoneOffset.UTC))
                .set(MEETING_RECORD.CONTENT, r.content())
                .set(MEETING_RECORD.SHA256, r.sha256())
                .set(MEETING_RECORD.PREVIOUS_HASH, r.previousHash())
                .set(MEETING_RECORD.SIGNATURE, r.signature())
                .set(MEETING_RECORD.CERTIFICATE, r.certificate())
                .returning(MEETING_RECORD.ID).fetchOne().getId();
    }

    public Optional<StoredRecord> find(long id) {
        return db.selectFrom(MEETING_RECORD).where(MEETING_RECORD.ID.eq(id)).fetchOptional(RecordStore::toRecord);
    }

    /** Every record of a meeting, the original first, corrections after it. */
    public List<StoredRecord> ofMeeting(long meetingId) {
        return db.selectFrom(MEETING_RECORD).where(MEETING_RECORD.MEETING_ID.eq(meetingId))
                .orderBy(MEETING_RECORD.ID).fetch(RecordStore::toRecord);
    }

    public boolean isSuperseded(long id) {
        return db.fetchExists(MEETING_RECORD, MEETING_RECORD.SUPERSEDES_ID.eq(id));
    }

    /** The record sealed just before {@code id} (by id), the one its previous hash must name. */
    public Optional<StoredRecord> before(long id) {
        return db.selectFrom(MEETING_RECORD).where(MEETING_RECORD.ID.lt(id)).orderBy(MEETING_RECORD.ID.desc())
                .limit(1).fetchOptional(RecordStore::toRecord);
    }

    public Optional<StoredRecord> after(long id) {
        return db.selectFrom(MEETING_RECORD).where(MEETING_RECORD.ID.gt(id)).orderBy(MEETING_RECORD.ID)
                .limit(1).fetchOptional(RecordStore::toRecord);
    }

    /** The whole chain in order, for a full check (a few hundred thousand rows in ten years). */
    public List<StoredRecord> all() {
        return db.selectFrom(MEETING_RECORD).orderBy(MEETING_RECORD.ID).fetch(RecordStore::toRecord);
    }

    /** ENDED meetings that ended before {@code cutoff} and have no record yet, oldest first. */
    public List<Long> endedUnsealed(Instant cutoff, int limit) {
        return db.select(MEETING.ID).from(MEETING)
                .where(MEETING.STATUS.eq("ENDED"))
                .and(MEETING.ENDS_AT.le(cutoff.atOffset(ZoneOffset.UTC)))
                .andNotExists(DSL.selectOne().from(MEETING_RECORD).where(MEETING_RECORD.MEETING_ID.eq(MEETING.ID)))
                .orderBy(MEETING.ENDS_AT, MEETING.ID).limit(limit)
                .fetch(r -> r.value1());
    }

    /** Deletes records sealed before {@code cutoff}: the only delete the table's trigger lets through. */
    public int purgeBefore(Instant cutoff) {
        db.select(DSL.field("set_config('hoinghi.record_purge', 'on', true)", String.class)).fetch();
        int n = db.deleteFrom(MEETING_RECORD).where(MEETING_RECORD.SEALED_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
                .execute();
        db.select(DSL.field("set_config('hoinghi.record_purge', 'off', true)", String.class)).fetch();
        return n;
    }

    private static StoredRecord toRecord(MeetingRecordRecord r) {
        return new StoredRecord(r.getId(), r.getMeetingId(), r.getSupersedesId(), r.getSealedAt().toInstant(),
                r.getContent(), r.getSha256(), r.getPreviousHash(), r.getSignature(), r.getCertificate());
    }
}
