package vn.hoinghi.orchestrator.access;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import vn.hoinghi.orchestrator.platform.db.jooq.tables.records.AppUserRecord;

import java.time.Clock;
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

    private static AppUser toUser(AppUserRecord r) {
        return new AppUser(r.getUsername(), r.getDisplayName(), r.getPasswordHash(), r.getRole(), r.getSiteCode(),
                r.getEnabled());
    }
}
