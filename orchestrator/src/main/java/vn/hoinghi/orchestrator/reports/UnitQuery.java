package vn.hoinghi.orchestrator.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit report's filter: months {@code [from, to)}, optionally one region and one unit's subtree. Holds the two
 * SQL texts ReportStore runs; the subtree is a recursive walk down site.parent_code.
 */
public record UnitQuery(LocalDate from, LocalDate to, String region, String subtreeOf) {

    private static final String TREE = """
            WITH RECURSIVE tree(code) AS (
                SELECT code FROM hoinghi.site WHERE code = ?
                UNION ALL SELECT s.code FROM hoinghi.site s JOIN tree t ON s.parent_code = t.code)
            """;

    static final String SITES_SQL = """
            %1$s SELECT m.site_code::text AS site_code, s.name_vi, s.region,
                   sum(m.meetings)::int AS meetings, sum(m.attended)::int AS attended, sum(m.late)::int AS late,
                   sum(m.present_seconds)::bigint AS present_seconds, sum(m.dialled)::int AS dialled,
                   sum(m.dial_failed)::int AS dial_failed, sum(m.measured)::int AS measured,
                   sum(m.mos_sum)::float8 AS mos_sum, sum(m.poor_quality)::int AS poor_quality
              FROM hoinghi.report_site_month m JOIN hoinghi.site s ON s.code = m.site_code
             WHERE m.month >= ? AND m.month < ? %2$s
             GROUP BY m.site_code, s.name_vi, s.region ORDER BY m.site_code
            """;

    static final String MONTHS_SQL = """
            %1$s SELECT m.month, sum(m.meetings)::int AS meetings, sum(m.attended)::int AS attended,
                   sum(m.measured)::int AS measured, sum(m.mos_sum)::float8 AS mos_sum,
                   sum(m.poor_quality)::int AS poor_quality
              FROM hoinghi.report_site_month m JOIN hoinghi.site s ON s.code = m.site_code
             WHERE m.month >= ? AND m.month < ? %2$s
             GROUP BY m.month ORDER BY m.month
            """;

    String subtreeSql() {
        return subtreeOf == null ? "" : TREE;
    }

    String regionSql() {
        return (region == null ? "" : " AND s.region = ?")
                + (subtreeOf == null ? "" : " AND m.site_code IN (SELECT code FROM tree)");
    }

    Object[] binds() {
        List<Object> b = new ArrayList<>();
        if (subtreeOf != null) {
            b.add(subtreeOf);
        }
        b.add(from);
        b.add(to);
        if (region != null) {
            b.add(region);
        }
        return b.toArray();
    }
}
