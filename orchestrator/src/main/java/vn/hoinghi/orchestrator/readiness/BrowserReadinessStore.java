package vn.hoinghi.orchestrator.readiness;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.BROWSER_READINESS;

/** One row per site: the newest check replaces the older one. */
@Singleton
public class BrowserReadinessStore {
    private final DSLContext db;

    public BrowserReadinessStore(DSLContext db) {
        this.db = db;
    }

    public void save(BrowserReadiness r) {
        OffsetDateTime at = r.checkedAt().atOffset(ZoneOffset.UTC);
        db.insertInto(BROWSER_READINESS)
                .set(BROWSER_READINESS.SITE_CODE, r.site())
                .set(BROWSER_READINESS.CHECKED_AT, at)
                .set(BROWSER_READINESS.CHECKED_BY, r.checkedBy())
                .set(BROWSER_READINESS.CAMERA, r.camera())
                .set(BROWSER_READINESS.MICROPHONE, r.microphone())
                .set(BROWSER_READINESS.DOWNLOAD_KBPS, r.downloadKbps())
                .set(BROWSER_READINESS.MEET_REACHABLE, r.meetReachable())
                .set(BROWSER_READINESS.VERDICT, r.verdict())
                .set(BROWSER_READINESS.USER_AGENT, r.userAgent())
                .onConflict(BROWSER_READINESS.SITE_CODE).doUpdate()
                .set(BROWSER_READINESS.CHECKED_AT, at)
                .set(BROWSER_READINESS.CHECKED_BY, r.checkedBy())
                .set(BROWSER_READINESS.CAMERA, r.camera())
                .set(BROWSER_READINESS.MICROPHONE, r.microphone())
                .set(BROWSER_READINESS.DOWNLOAD_KBPS, r.downloadKbps())
                .set(BROWSER_READINESS.MEET_REACHABLE, r.meetReachable())
                .set(BROWSER_READINESS.VERDICT, r.verdict())
                .set(BROWSER_READINESS.USER_AGENT, r.userAgent())
                .execute();
    }

    public List<BrowserReadiness> all() {
        return db.selectFrom(BROWSER_READINESS).orderBy(BROWSER_READINESS.CHECKED_AT.desc())
                .fetch(r -> new BrowserReadiness(r.getSiteCode(), r.getCheckedAt().toInstant(), r.getCheckedBy(),
                        r.getCamera(), r.getMicrophone(), r.getDownloadKbps(), r.getMeetReachable(), r.getVerdict(),
                        r.getUserAgent()));
    }
}
