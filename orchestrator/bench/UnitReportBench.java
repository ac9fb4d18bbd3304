import io.micronaut.json.JsonMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import vn.hoinghi.orchestrator.reports.ReportStore;
import vn.hoinghi.orchestrator.reports.UnitQuery;
import vn.hoinghi.orchestrator.reports.UnitReport;
import vn.hoinghi.orchestrator.reports.UnitReports;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The unit report over generated history: 4,013 sites (the Ministry, 34 provinces, 117 units under each) with 24
 * months of per-(site, month) aggregates each, on an embedded PostgreSQL 17 with the real migrations. Times the
 * report the API serves (UnitReports.build = both aggregate queries + problems, then JSON), 12 months, for the whole
 * ministry, one region and one province's subtree. Run by bench/unit-report.sh.
 */
public class UnitReportBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            // stringtype=unspecified as in production: citext codes compare with bound strings.
            DataSource ds = pg.getDatabase("postgres", "postgres", java.util.Map.of("stringtype", "unspecified"));
            Flyway.configure().dataSource(ds).locations("filesystem:orchestrator/src/main/resources/db/migration")
                    .schemas("hoinghi").defaultSchema("hoinghi").load().migrate();
            long t0 = System.nanoTime();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET search_path = hoinghi");
                s.execute("""
                    INSERT INTO site (code, name_vi, kind, region, parent_code, downlink_kbps, uplink_kbps, network,
                                      search_text, created_at, updated_at)
                    VALUES ('BTP', 'Bộ Tư pháp', 'HQ', 'NORTH', NULL, 100000, 100000, 'GOV_WAN', 'bo tu phap', now(), now())""");
                s.execute("""
                    INSERT INTO site (code, name_vi, kind, region, parent_code, downlink_kbps, uplink_kbps, network,
                                      search_text, created_at, updated_at)
                    SELECT 'THADS-P' || lpad(p::text, 2, '0'), 'THADS tỉnh ' || p, 'PROVINCE_THADS',
                           (ARRAY['NORTH','CENTRAL','SOUTH'])[1 + p % 3], 'BTP', 20000, 20000, 'GOV_WAN', 'thads', now(), now()
                      FROM generate_series(1, 34) p""");
                s.execute("""
                    INSERT INTO site (code, name_vi, kind, region, parent_code, downlink_kbps, uplink_kbps, network,
                                      search_text, created_at, updated_at)
                    SELECT 'THADS-P' || lpad(p::text, 2, '0') || '-KV' || lpad(k::text, 3, '0'),
                           'THADS khu vực ' || k || ' tỉnh ' || p, 'REGIONAL_THADS',
                           (ARRAY['NORTH','CENTRAL','SOUTH'])[1 + p % 3], 'THADS-P' || lpad(p::text, 2, '0'),
                           4000, 2000, 'INTERNET', 'thads', now(), now()
                      FROM generate_series(1, 34) p, generate_series(1, 117) k""");
                // Two years of months per site: 2–9 meetings a month, most attended, some late or failing to dial,
                // and a mean MOS that is poor for a tenth of the units.
                s.execute("""
                    INSERT INTO report_site_month (site_code, month, meetings, attended, late, present_seconds, dialled,
                                                   dial_failed, measured, mos_sum, poor_quality)
                    SELECT code, m, n, a, a / 4, a * 3000, n / 2, (n / 2) / 5, a,
                           a * (CASE WHEN hashtext(code) % 10 = 0 THEN 3.2 ELSE 4.1 END),
                           CASE WHEN hashtext(code) % 10 = 0 THEN a * 3 / 4 ELSE 0 END
                      FROM (SELECT code, m::date AS m, 2 + floor(random() * 8)::int AS n FROM site,
                                   generate_series(date '2025-01-01', date '2026-12-01', interval '1 month') m) g,
                           LATERAL (SELECT n - floor(random() * 2)::int AS a) x""");
                s.execute("ANALYZE");
            }
            System.out.printf("generated 4,013 sites × 24 months of aggregates in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // One open connection, as the application's Hikari pool hands out (no connection set-up per query).
            Connection conn = ds.getConnection();
            var dsl = DSL.using(conn, SQLDialect.POSTGRES);
            UnitReports units = new UnitReports(new ReportStore(dsl));
            JsonMapper json = JsonMapper.createDefault();
            LocalDate from = LocalDate.of(2026, 1, 1), to = LocalDate.of(2027, 1, 1);
            time("whole ministry, 12 months (4,013 units)", runs, json, () -> units.build(new UnitQuery(from, to, null, null)));
            time("region NORTH, 12 months", runs, json, () -> units.build(new UnitQuery(from, to, "NORTH", null)));
            time("subtree THADS-P05, 12 months (118 units)", runs, json,
                    () -> units.build(new UnitQuery(from, to, null, "THADS-P05")));
            time("whole ministry, 24 months", runs, json, () -> units.build(new UnitQuery(LocalDate.of(2025, 1, 1), to, null, null)));
        }
    }

    private static void time(String what, int runs, JsonMapper json, Supplier<UnitReport> report) throws Exception {
        for (int i = 0; i < 3; i++) {
            json.writeValueAsBytes(report.get());
        }
        List<Double> ms = new ArrayList<>();
        UnitReport last = null;
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            last = report.get();
            bytes = json.writeValueAsBytes(last).length;
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-42s units %5d  problems %4d  json %7d B  median %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
                what, last.sites(), last.problems().size(), bytes, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
    }
}
