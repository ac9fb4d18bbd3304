package vn.hoinghi.orchestrator.access;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import vn.hoinghi.orchestrator.platform.db.jooq.tables.records.AppUserRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.APP_USER;

@Singleton
public class UserStore {
    private final DSLContext db;
    private final Clock clock;

    public UserStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<AppUser> find(String username) {
        return db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(UserStore::toUser);
    }

    public List<AppUser> all() {
        return db.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(UserStore::toUser);
    }

    /** Inserts the user, or does nothing if the name is taken; returns whether a row was written. */
    @Transactional
    public boolean insertIfAbsent(AppUser user) {
        return db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, user.username())
                .set(APP_USER.DISPLAY_NAME, user.displayName())
                .set(APP_USER.PASSWORD_HASH, user.passwordHash())
                .set(APP_USER.ROLE, user.role())
                .set(APP_USER.SITE_CODE, user.siteCode())
                .set(APP_USER.ENABLED, user.enabled())
                .set(APP_USER.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Whether the user's tokens are honoured; empty for an unknown user. Called while a request is authenticated. */
    @Transactional(readOnly = true)
    public Optional<SessionFloor> sessionFloor(String username) {
        return db.select(APP_USER.ENABLED, APP_USER.SESSIONS_VALID_AFTER).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new SessionFloor(r.value1(),
                        r.value2() == null ? null : r.value2().toInstant()));
    }

    /** Refuses every token of the user issued before {@code at}. */
    @Transactional
    public void endSessions(String username, Instant at) {
        db.update(APP_USER).set(APP_USER.SESSIONS_VALID_AFTER, at.atOffset(java.time.ZoneOffset.UTC))
                .where(APP_USER.USERNAME.eq(username)).execute();
    }

    private static AppUser toUser(AppUserRecord r) {
        return new AppUser(r.getUsername(), r.getDisplayName(), r.getPasswordHash(), r.getRole(), r.getSiteCode(),
                r.getEnabled());
    }
}
