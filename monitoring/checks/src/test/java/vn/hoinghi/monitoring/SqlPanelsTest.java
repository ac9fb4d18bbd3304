package vn.hoinghi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL panels and variables of the dashboards, EXPLAINed against both schemas as the migrations leave
 * them (the orchestrator's {@code hoinghi} and the collector's {@code telemetry}, in one database as a single-host
 * install has them): a table or column a query names that does not exist fails here, not on an operator's screen.
 * Grafana's macros and the dashboards' variables are replaced by values of the right type first.
 */
class SqlPanelsTest {
    private static final Path REPO = Path.of(System.getProperty("repository.dir", "../..")).toAbsolutePath();

    @Test
    void everySqlQueryPlansAgainstTheMigratedSchemas() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres") + "&stringtype=unspecified";
            migrate(url, "hoinghi", REPO.resolve("orchestrator/src/main/resources/db/migration"));
            migrate(url, "telemetry", REPO.resolve("monitoring/collector/src/main/resources/db/telemetry"));
            List<String> problems = new ArrayList<>();
            int queries = 0;
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                for (Path file : Assets.dashboards()) {
                    Map<String, Object> d = Assets.yaml(file);
                    List<String[]> sqls = new ArrayList<>();
                    for (Map<String, Object> panel : Assets.panels(d)) {
                        for (Map<String, Object> t : Assets.targets(panel)) {
                            if (t.get("rawSql") != null) {
                                sqls.add(new String[] {"panel \"" + panel.get("title") + "\"", (String) t.get("rawSql")});
                            }
                        }
                    }
                    for (Map<String, Object> v : Assets.variables(d)) {
                        if (Assets.datasourceUid(v).equals("hoinghi-postgresql")) {
                            sqls.add(new String[] {"variable $" + v.get("name"), String.valueOf(v.get("query"))});
                        }
                    }
                    for (String[] q : sqls) {
                        queries++;
                        try {
                            s.execute("EXPLAIN " + concrete(q[1]));
                        } catch (SQLException e) {
                            problems.add(file.getFileName() + " " + q[0] + ": " + e.getMessage());
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
            assertThat(queries).as("SQL queries checked").isGreaterThanOrEqualTo(12);
        }
    }

    /** Grafana's time macro and the dashboards' variables ($meeting is an id, $site a code) made concrete. */
    static String concrete(String sql) {
        return sql.replaceAll("\\$__timeFilter\\(([^)]+)\\)", "$1 BETWEEN now() - interval '1 year' AND now()")
                .replace("$meeting", "1").replace("$site", "STP-HNI");
    }

    private static void migrate(String url, String schema, Path dir) {
        Flyway.configure().dataSource(url, "postgres", "postgres").schemas(schema).createSchemas(true)
                .locations("filesystem:" + dir).load().migrate();
    }
}
