package vn.hoinghi.orchestrator.booking;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.CALENDAR_FEED;

/** Hashed calendar-feed tokens, one per site. */
@Singleton
public class FeedStore {
    private final DSLContext db;
    private final Clock clock;

    public FeedStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Sets the site's token, replacing (and so revoking) any earlier one. */
    public void put(String site, String tokenHash, String actor) {
        db.insertInto(CALENDAR_FEED)
                .set(CALENDAR_FEED.SITE_CODE, site)
                .set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_BY, actor)
                .set(CALENDAR_FEED.CREATED_AT, OffsetDateTime.now(clock))
                .onConflict(CALENDAR_FEED.SITE_CODE).doUpdate()
                .set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_BY, actor)
                .set(CALENDAR_FEED.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    public boolean delete(String site) {
        return db.deleteFrom(CALENDAR_FEED).where(CALENDAR_FEED.SITE_CODE.eq(site)).execute() == 1;
    }

    public Optional<String> siteOf(String tokenHash) {
        return db.select(CALENDAR_FEED.SITE_CODE).from(CALENDAR_FEED)
                .where(CALENDAR_FEED.TOKEN_HASH.eq(tokenHash)).fetchOptional(r -> r.value1());
    }
}
