package vn.hoinghi.orchestrator.reports;

import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.REPORT_MEETING_SITE;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.REPORT_SITE_MONTH;

/** The report aggregates (V14_6): per (meeting, site) rows and their per (site, month) roll-up. */
@Singleton
public class ReportStore {
    /** Months are the secretariat's months, in Vietnamese time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    // The subtree is a recursive walk down site.parent_code; both queries read only report_site_month and site.
    // Report rows carry the directory's spelling of each code (FactsAssembler), so grouping and joining compare
    // plain text: hashing citext lower-cases every value and made the 12-month ministry report several times slower.
    private static final String TREE = """
            tree(code) AS (
                SELECT code FROM hoinghi.site WHERE code = ?
                UNION ALL SELECT s.code FROM hoinghi.site s JOIN tree t ON s.parent_code = t.code),
            """;

    private static final String SITES_SQL = """
            WITH RECURSIVE %1$s agg AS (
                SELECT m.site_code::text AS site_code,
                       sum(m.meetings)::int AS meetings, sum(m.attended)::int AS attended, sum(m.late)::int AS late,
                       sum(m.present_seconds)::bigint AS present_seconds, sum(m.dialled)::int AS dialled,
                       sum(m.dial_failed)::int AS dial_failed, sum(m.measured)::int AS measured,
                       sum(m.mos_sum)::float8 AS mos_sum, sum(m.poor_quality)::int AS poor_quality
                  FROM hoinghi.report_site_month m
                 WHERE m.month >= ? AND m.month < ?
                 GROUP BY m.site_code::text)
            SELECT agg.*, s.name_vi, s.region
              FROM agg JOIN hoinghi.site s ON s.code::text = agg.site_code
             WHERE true %2$s
             ORDER BY agg.site_code
            """;

    private static final String MONTHS_SQL = """
            WITH RECURSIVE %1$s agg AS (
                SELECT m.month, m.site_code::text AS site_code, m.meetings, m.attended, m.measured, m.mos_sum,
                       m.poor_quality
                  FROM hoinghi.report_site_month m
                 WHERE m.month >= ? AND m.month < ?)
            SELECT agg.month, sum(agg.meetings)::int AS meetings, sum(agg.attended)::int AS attended,
                   sum(agg.measured)::int AS measured, sum(agg.mos_sum)::float8 AS mos_sum,
                   sum(agg.poor_quality)::int AS poor_quality
              FROM agg JOIN hoinghi.site s ON s.code::text = agg.site_code
             WHERE true %2$s
             GROUP BY agg.month ORDER BY agg.month
            """;

    private final DSLContext db;

    public ReportStore(DSLContext db) {
        this.db = db;
    }

    public static LocalDate monthOf(Instant at) {
        return at.atZone(ZONE).toLocalDate().withDayOfMonth(1);
    }

    /** Replaces a meeting's rows (a correction may change them) and re-rolls the months they touch. */
    public void replaceMeeting(MeetingFacts facts) {
        LocalDate month = monthOf(Instant.parse(facts.start()));
        Set<String> sites = new TreeSet<>(db.select(REPORT_MEETING_SITE.SITE_CODE).from(REPORT_MEETING_SITE)
                .where(REPORT_MEETING_SITE.MEETING_ID.eq(facts.meetingId())).fetch(r -> r.value1()));
        db.deleteFrom(REPORT_MEETING_SITE).where(REPORT_MEETING_SITE.MEETING_ID.eq(facts.meetingId())).execute();
        for (MeetingFacts.SiteFacts s : facts.sites()) {
            List<MeetingFacts.Dial> dials = s.dials() == null ? List.of() : s.dials();
            boolean attended = !"MISSING".equals(s.attendance());
            boolean connected = dials.stream().anyMatch(d -> "CONNECTED".equals(d.outcome())
                    || "HUNG_UP".equals(d.outcome()));
            MeetingFacts.Quality q = s.quality();
            db.insertInto(REPORT_MEETING_SITE)
                    .set(REPORT_MEETING_SITE.MEETING_ID, facts.meetingId())
                    .set(REPORT_MEETING_SITE.SITE_CODE, s.site())
                    .set(REPORT_MEETING_SITE.MONTH, month)
                    .set(REPORT_MEETING_SITE.ATTENDED, attended)
                    .set(REPORT_MEETING_SITE.LATE, s.lateMinutes() > 0)
                    .set(REPORT_MEETING_SITE.PRESENT_SECONDS, (int) s.presentSeconds())
                    .set(REPORT_MEETING_SITE.DIALLED, !dials.isEmpty())
                    .set(REPORT_MEETING_SITE.DIAL_FAILED, !dials.isEmpty() && !connected)
                    .set(REPORT_MEETING_SITE.MOS_MEAN, q == null ? null : q.mosMean())
                    .set(REPORT_MEETING_SITE.QUALITY_MINUTES, q == null ? 0 : q.minutes())
                    .set(REPORT_MEETING_SITE.POOR_MINUTES, q == null ? 0 : q.poor() + q.bad())
                    .set(REPORT_MEETING_SITE.POOR_QUALITY, QualitySummary.poor(q))
                    .execute();
            sites.add(s.site().toUpperCase(Locale.ROOT));
        }
        rollUp(month, sites);
    }

    /** Recomputes report_site_month for these sites in this month from their meeting rows. */
    public void rollUp(LocalDate month, Set<String> sites) {
        if (sites.isEmpty()) {
            return;
        }
        Condition which = REPORT_SITE_MONTH.MONTH.eq(month).and(REPORT_SITE_MONTH.SITE_CODE.in(sites));
        db.deleteFrom(REPORT_SITE_MONTH).where(which).execute();
        var r = REPORT_MEETING_SITE;
        db.insertInto(REPORT_SITE_MONTH, REPORT_SITE_MONTH.SITE_CODE, REPORT_SITE_MONTH.MONTH,
                        REPORT_SITE_MONTH.MEETINGS, REPORT_SITE_MONTH.ATTENDED, REPORT_SITE_MONTH.LATE,
                        REPORT_SITE_MONTH.PRESENT_SECONDS, REPORT_SITE_MONTH.DIALLED, REPORT_SITE_MONTH.DIAL_FAILED,
                        REPORT_SITE_MONTH.MEASURED, REPORT_SITE_MONTH.MOS_SUM, REPORT_SITE_MONTH.POOR_QUALITY)
                .select(DSL.select(r.SITE_CODE, r.MONTH, DSL.count().cast(Integer.class),
                                DSL.count().filterWhere(r.ATTENDED).cast(Integer.class),
                                DSL.count().filterWhere(r.LATE).cast(Integer.class),
                                DSL.sum(r.PRESENT_SECONDS).cast(Long.class),
                                DSL.count().filterWhere(r.DIALLED).cast(Integer.class),
                                DSL.count().filterWhere(r.DIAL_FAILED).cast(Integer.class),
                                DSL.count(r.MOS_MEAN).cast(Integer.class),
                                DSL.coalesce(DSL.sum(r.MOS_MEAN), DSL.val(0.0)).cast(Double.class),
                                DSL.count().filterWhere(r.POOR_QUALITY).cast(Integer.class))
                        .from(r).where(r.MONTH.eq(month)).and(r.SITE_CODE.in(sites))
                        .groupBy(r.SITE_CODE, r.MONTH))
                .execute();
    }

    /** A site's months within {@code [from, to)}, summed. */
    public record SiteTotals(String site, String name, String region, int meetings, int attended, int late,
                             long presentSeconds, int dialled, int dialFailed, int measured, double mosSum,
                             int poorQuality) {
    }

    /** All sites' months within {@code [from, to)}, summed over the period and over the sites. */
    public record MonthTotals(LocalDate month, int meetings, int attended, int measured, double mosSum,
                              int poorQuality) {
    }

    public List<SiteTotals> siteTotals(UnitQuery q) {
        List<SiteTotals> out = new ArrayList<>();
        for (Record r : db.fetch(SITES_SQL.formatted(treeSql(q), filterSql(q)), q.binds())) {
            out.add(new SiteTotals(r.get("site_code", String.class), r.get("name_vi", String.class),
                    r.get("region", String.class), r.get("meetings", Integer.class), r.get("attended", Integer.class),
                    r.get("late", Integer.class), r.get("present_seconds", Long.class),
                    r.get("dialled", Integer.class), r.get("dial_failed", Integer.class),
                    r.get("measured", Integer.class), r.get("mos_sum", Double.class),
                    r.get("poor_quality", Integer.class)));
        }
        return out;
    }

    public List<MonthTotals> monthTotals(UnitQuery q) {
        List<MonthTotals> out = new ArrayList<>();
        for (Record r : db.fetch(MONTHS_SQL.formatted(treeSql(q), filterSql(q)), q.binds())) {
            out.add(new MonthTotals(r.get("month", LocalDate.class), r.get("meetings", Integer.class),
                    r.get("attended", Integer.class), r.get("measured", Integer.class),
                    r.get("mos_sum", Double.class), r.get("poor_quality", Integer.class)));
        }
        return out;
    }

    private static String treeSql(UnitQuery q) {
        return q.subtreeOf() == null ? "" : TREE;
    }

    private static String filterSql(UnitQuery q) {
        return (q.region() == null ? "" : " AND s.region = ?")
                + (q.subtreeOf() == null ? "" : " AND agg.site_code IN (SELECT code::text FROM tree)");
    }
}
