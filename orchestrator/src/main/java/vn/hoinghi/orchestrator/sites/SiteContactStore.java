package vn.hoinghi.orchestrator.sites;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.SITE;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.SITE_CONTACT;

/** A site's list of contacts (V14_1); position 0 mirrors the site's primary contact columns. */
@Singleton
public class SiteContactStore {
    private final DSLContext db;
    private final Clock clock;

    public SiteContactStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<SiteContact> of(String siteCode) {
        return db.selectFrom(SITE_CONTACT).where(SITE_CONTACT.SITE_CODE.eq(siteCode))
                .orderBy(SITE_CONTACT.POSITION)
                .fetch(r -> new SiteContact(r.getName(), r.getRole(), r.getPhone(), r.getEmail()));
    }

    /** The contacts of many sites at once (one query), keyed by the site code as stored. */
    public Map<String, List<SiteContact>> of(Collection<String> siteCodes) {
        return db.selectFrom(SITE_CONTACT).where(SITE_CONTACT.SITE_CODE.in(siteCodes))
                .orderBy(SITE_CONTACT.SITE_CODE, SITE_CONTACT.POSITION)
                .fetchGroups(r -> r.getSiteCode(), r -> new SiteContact(r.getName(), r.getRole(), r.getPhone(),
                        r.getEmail()));
    }

    /**
     * Replaces the list and copies its first entry into the site's contact columns, counting a new version of the
     * site only when that primary contact really changed (the site resource shows it).
     */
    public void replace(String siteCode, List<SiteContact> contacts) {
        db.deleteFrom(SITE_CONTACT).where(SITE_CONTACT.SITE_CODE.eq(siteCode)).execute();
        for (int i = 0; i < contacts.size(); i++) {
            SiteContact c = contacts.get(i);
            db.insertInto(SITE_CONTACT)
                    .set(SITE_CONTACT.SITE_CODE, siteCode)
                    .set(SITE_CONTACT.POSITION, i)
                    .set(SITE_CONTACT.NAME, c.name())
                    .set(SITE_CONTACT.ROLE, c.role())
                    .set(SITE_CONTACT.PHONE, c.phone())
                    .set(SITE_CONTACT.EMAIL, c.email())
                    .execute();
        }
        SiteContact first = contacts.isEmpty() ? new SiteContact(null, null, null, null) : contacts.get(0);
        db.update(SITE)
                .set(SITE.CONTACT_NAME, first.name())
                .set(SITE.CONTACT_PHONE, first.phone())
                .set(SITE.CONTACT_EMAIL, first.email())
                .set(SITE.VERSION, SITE.VERSION.plus(1))
                .set(SITE.UPDATED_AT, OffsetDateTime.now(clock))
                .where(SITE.CODE.eq(siteCode))
                .and(DSL.row(SITE.CONTACT_NAME, SITE.CONTACT_PHONE, SITE.CONTACT_EMAIL)
                        .isDistinctFrom(first.name(), first.phone(), first.email()))
                .execute();
    }
}
