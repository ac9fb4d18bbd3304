package vn.hoinghi.orchestrator.readiness;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.BROWSER_READINESS;

/** One row per site: the newest check replaces the older one. */
@Singleton
public class BrowserReadinessStore {
    private final DSLContext db;

    public BrowserReadinessStore(DSLContext db) {
        this.db = db;
    }

    public void save(BrowserReadiness r) {
        // The same values go into a new row or over the site's old one.
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BROWSER_READINESS.CHECKED_AT, r.checkedAt().atOffset(ZoneOffset.UTC));
        values.put(BROWSER_READINESS.CHECKED_BY, r.checkedBy());
        values.put(BROWSER_READINESS.CAMERA, r.camera());
        values.put(BROWSER_READINESS.MICROPHONE, r.microphone());
        values.put(BROWSER_READINESS.DOWNLOAD_KBPS, r.downloadKbps());
        values.put(BROWSER_READINESS.MEET_REACHABLE, r.meetReachable());
        values.put(BROWSER_READINESS.VERDICT, r.verdict());
        values.put(BROWSER_READINESS.USER_AGENT, r.userAgent());
        db.insertInto(BROWSER_READINESS)
                .set(BROWSER_READINESS.SITE_CODE, r.site())
                .set(values)
                .onConflict(BROWSER_READINESS.SITE_CODE).doUpdate()
                .set(values)
                .execute();
    }

    public List<BrowserReadiness> all() {
        return db.selectFrom(BROWSER_READINESS).orderBy(BROWSER_READINESS.CHECKED_AT.desc())
                .fetch(r -> new BrowserReadiness(r.getSiteCode(), r.getCheckedAt().toInstant(), r.getCheckedBy(),
                        r.getCamera(), r.getMicrophone(), r.getDownloadKbps(), r.getMeetReachable(), r.getVerdict(),
                        r.getUserAgent()));
    }
}
