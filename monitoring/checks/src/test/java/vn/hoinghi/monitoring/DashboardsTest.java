package vn.hoinghi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards as Grafana would load them through provisioning: valid JSON, unique uids named after their
 * files, panels that fit the 24-column grid without two sharing an id, every panel and query on a provisioned data
 * source with a query of that source's kind, and every {@code $variable} a query uses defined on its dashboard.
 */
class DashboardsTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void theFourOperationsDashboardsAndTheQualityDashboardAreProvisioned() throws Exception {
        Set<String> uids = new HashSet<>();
        for (Path file : Assets.dashboards()) {
            uids.add(String.valueOf(Assets.yaml(file).get("uid")));
        }
        assertThat(uids).contains("hoinghi-fleet", "hoinghi-live-meeting", "hoinghi-site", "hoinghi-health",
                "hoinghi-quality");
        Map<String, Object> providers = Assets.yaml(Assets.MONITORING.resolve("grafana/provisioning/dashboards.yml"));
        assertThat(String.valueOf(providers.get("providers"))).contains("type=file", "folder=HoiNghi");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDashboardIsWellFormed() throws Exception {
        Map<String, Object> sources = Assets.yaml(Assets.MONITORING.resolve("grafana/provisioning/datasources.yml"));
        Map<String, String> typeByUid = ((List<Map<String, Object>>) sources.get("datasources")).stream()
                .collect(Collectors.toMap(d -> String.valueOf(d.get("uid")), d -> String.valueOf(d.get("type"))));
        assertThat(typeByUid).containsOnlyKeys("hoinghi-prometheus", "hoinghi-postgresql");
        List<String> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        for (Path file : Assets.dashboards()) {
            String name = file.getFileName().toString();
            Map<String, Object> d = Assets.yaml(file);
            if (!uids.add(String.valueOf(d.get("uid"))) || !name.equals(d.get("uid") + ".json")) {
                problems.add(name + ": uid " + d.get("uid") + " is repeated or does not match the file name");
            }
            if (String.valueOf(d.getOrDefault("title", "")).isBlank()) {
                problems.add(name + ": no title");
            }
            Set<String> defined = new HashSet<>();
            for (Map<String, Object> v : Assets.variables(d)) {
                defined.add(String.valueOf(v.get("name")));
            }
            Set<Object> ids = new HashSet<>();
            for (Map<String, Object> panel : Assets.panels(d)) {
                String where = name + " panel \"" + panel.get("title") + "\"";
                // Grafana numbers panels without an id itself; two with the same id would collide.
                if (panel.get("id") != null && !ids.add(panel.get("id"))) {
                    problems.add(where + ": id " + panel.get("id") + " repeated");
                }
                Map<String, Object> grid = (Map<String, Object>) panel.get("gridPos");
                if (grid == null || ((Number) grid.get("x")).intValue() + ((Number) grid.get("w")).intValue() > 24
                        || ((Number) grid.get("h")).intValue() <= 0) {
                    problems.add(where + ": gridPos " + grid + " does not fit 24 columns");
                }
                if (panel.get("type") == null || String.valueOf(panel.get("title")).isBlank()) {
                    problems.add(where + ": no type or title");
                }
                if (Assets.targets(panel).isEmpty() && !"row".equals(panel.get("type"))) {
                    problems.add(where + ": no query");
                }
                for (Map<String, Object> t : Assets.targets(panel)) {
                    problems.addAll(checkTarget(where, panel, t, typeByUid, defined));
                }
            }
            for (Map<String, Object> v : Assets.variables(d)) {
                String uid = Assets.datasourceUid(v);
                if (v.get("datasource") != null && !typeByUid.containsKey(uid) && !uid.startsWith("$")) {
                    problems.add(name + " variable " + v.get("name") + ": data source " + uid + " is not provisioned");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> checkTarget(String where, Map<String, Object> panel, Map<String, Object> t,
                                            Map<String, String> typeByUid, Set<String> defined) {
        List<String> problems = new ArrayList<>();
        String uid = Assets.datasourceUid(t).isEmpty() ? Assets.datasourceUid(panel) : Assets.datasourceUid(t);
        String type = uid.startsWith("$") ? "prometheus" : typeByUid.get(uid);
        if (type == null) {
            problems.add(where + ": data source " + uid + " is not provisioned");
            return problems;
        }
        String query = String.valueOf(type.equals("prometheus") ? t.get("expr") : t.get("rawSql"));
        if (query.equals("null") || query.isBlank()) {
            problems.add(where + ": a " + type + " target without its query");
            return problems;
        }
        if (type.equals("prometheus")) {
            try {
                PromQl.parse(query);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        Matcher m = VARIABLE.matcher(query);
        while (m.find()) {
            if (!m.group(1).startsWith("__") && !defined.contains(m.group(1))) {
                problems.add(where + ": uses $" + m.group(1) + ", which the dashboard does not define");
            }
        }
        return problems;
    }

    @Test
    void promtoolChecksTheConfigAndUnitTestsEveryAlert() throws Exception {
        Path prom = Assets.MONITORING.resolve("prometheus");
        assertThat(Promtool.run(prom, "check", "config", "prometheus.yml")).contains("SUCCESS");
        for (String rules : Assets.RULE_FILES) {
            assertThat(Promtool.run(prom, "check", "rules", rules)).contains("SUCCESS");
            String test = rules.replace(".yml", ".test.yml");
            assertThat(Promtool.run(prom, "test", "rules", test)).contains("SUCCESS");
            // Each alert of the file is tested, both firing and quiet (an empty exp_alerts).
            String tests = Files.readString(prom.resolve(test));
            for (Map<String, Object> rule : Assets.rules()) {
                Object alert = rule.get("alert");
                if (alert != null && Files.readString(prom.resolve(rules)).contains("alert: " + alert)) {
                    Pattern quiet = Pattern.compile("alertname: " + alert + "\\s+exp_alerts: \\[]");
                    Pattern fires = Pattern.compile("alertname: " + alert + "\\s+exp_alerts:\\s*\\n\\s+- exp_labels");
                    assertThat(quiet.matcher(tests).find()).as(alert + " has a quiet case in " + test).isTrue();
                    assertThat(fires.matcher(tests).find()).as(alert + " has a firing case in " + test).isTrue();
                }
            }
        }
    }
}
