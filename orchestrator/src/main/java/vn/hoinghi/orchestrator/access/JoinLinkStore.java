package vn.hoinghi.orchestrator.access;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.JOIN_LINK;

/** Join-link tokens: at most one active per (meeting, site); revoked ones stay for the record. */
@Singleton
public class JoinLinkStore {
    private final DSLContext db;
    private final Clock clock;

    public JoinLinkStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Link(String token, long meetingId, String siteCode, boolean revoked) {
    }

    /** Inserts a link unless the site already has an active one; returns the active link either way. */
    public Link ensure(long meetingId, String site, String newToken) {
        db.insertInto(JOIN_LINK)
                .set(JOIN_LINK.TOKEN, newToken)
                .set(JOIN_LINK.MEETING_ID, meetingId)
                .set(JOIN_LINK.SITE_CODE, site)
                .set(JOIN_LINK.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        return active(meetingId, site).orElseThrow();
    }

    public Optional<Link> active(long meetingId, String site) {
        return db.selectFrom(JOIN_LINK).where(JOIN_LINK.MEETING_ID.eq(meetingId)).and(JOIN_LINK.SITE_CODE.eq(site))
                .and(JOIN_LINK.REVOKED_AT.isNull())
                .fetchOptional(r -> new Link(r.getToken(), r.getMeetingId(), r.getSiteCode(), false));
    }

    public List<Link> activeFor(long meetingId) {
        return db.selectFrom(JOIN_LINK).where(JOIN_LINK.MEETING_ID.eq(meetingId)).and(JOIN_LINK.REVOKED_AT.isNull())
                .fetch(r -> new Link(r.getToken(), r.getMeetingId(), r.getSiteCode(), false));
    }

    public Optional<Link> find(String token) {
        return db.selectFrom(JOIN_LINK).where(JOIN_LINK.TOKEN.eq(token))
                .fetchOptional(r -> new Link(r.getToken(), r.getMeetingId(), r.getSiteCode(),
                        r.getRevokedAt() != null));
    }

    public boolean revoke(long meetingId, String site) {
        return db.update(JOIN_LINK).set(JOIN_LINK.REVOKED_AT, OffsetDateTime.now(clock))
                .where(JOIN_LINK.MEETING_ID.eq(meetingId)).and(JOIN_LINK.SITE_CODE.eq(site))
                .and(JOIN_LINK.REVOKED_AT.isNull()).execute() > 0;
    }
}
