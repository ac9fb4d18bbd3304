package vn.hoinghi.orchestrator.booking;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.IDEMPOTENCY_KEY;

/**
 * Idempotency-Key rows. The key is claimed at the start of the booking transaction: a second request with the same
 * key waits on the primary key until the first commits, then reads its answer instead of booking again.
 */
@Singleton
public class IdempotencyStore {
    /** The answer stored for a key, and a hash of the request that got it. */
    public record Stored(String requestHash, int status, String response) {
    }

    private final DSLContext db;
    private final Clock clock;

    public IdempotencyStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True if this transaction now owns the key; false if an earlier request already used it. */
    public boolean claim(String actor, String key, String requestHash) {
        return db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.ACTOR, actor)
                .set(IDEMPOTENCY_KEY.KEY, key)
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.STATUS, 0)
                .set(IDEMPOTENCY_KEY.RESPONSE, "")
                .set(IDEMPOTENCY_KEY.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute() == 1;
    }

    public Optional<Stored> find(String actor, String key) {
        return db.selectFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.ACTOR.eq(actor)).and(IDEMPOTENCY_KEY.KEY.eq(key))
                .fetchOptional(r -> new Stored(r.getRequestHash(), r.getStatus(), r.getResponse()));
    }

    public void complete(String actor, String key, int status, String response) {
        db.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.STATUS, status)
                .set(IDEMPOTENCY_KEY.RESPONSE, response)
                .where(IDEMPOTENCY_KEY.ACTOR.eq(actor)).and(IDEMPOTENCY_KEY.KEY.eq(key))
                .execute();
    }
}
