package vn.hoinghi.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** monitoring/prometheus and monitoring/grafana as data: rule files, dashboards and the third-party list. */
final class Assets {
    static final Path MONITORING = Path.of(System.getProperty("monitoring.dir", "..")).toAbsolutePath().normalize();
    static final List<String> RULE_FILES = List.of("collector-rules.yml", "hoinghi-rules.yml");

    private Assets() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        // JSON is YAML 1.2, so dashboards load the same way.
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    /** Every rule of every group of the rule files, each a map with "record" or "alert" and "expr". */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String f : RULE_FILES) {
            for (Object g : (List<Object>) yaml(MONITORING.resolve("prometheus").resolve(f)).get("groups")) {
                out.addAll((List<Map<String, Object>>) ((Map<String, Object>) g).get("rules"));
            }
        }
        return out;
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> s = Files.list(MONITORING.resolve("grafana/dashboards"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Panels, rows' nested panels included. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object p : (List<Object>) dashboard.getOrDefault("panels", List.of())) {
            Map<String, Object> panel = (Map<String, Object>) p;
            out.add(panel);
            for (Object inner : (List<Object>) panel.getOrDefault("panels", List.of())) {
                out.add((Map<String, Object>) inner);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> targets(Map<String, Object> panel) {
        return (List<Map<String, Object>>) panel.getOrDefault("targets", List.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> variables(Map<String, Object> dashboard) {
        Map<String, Object> templating = (Map<String, Object>) dashboard.getOrDefault("templating", Map.of());
        return (List<Map<String, Object>>) templating.getOrDefault("list", List.of());
    }

    /** The datasource uid of a panel, target or variable ("" when it names none). */
    @SuppressWarnings("unchecked")
    static String datasourceUid(Map<String, Object> o) {
        Object ds = o.get("datasource");
        return ds instanceof Map<?, ?> m && m.get("uid") != null ? String.valueOf(((Map<String, Object>) m).get("uid"))
                : "";
    }

    static boolean isPrometheus(Map<String, Object> o) {
        Object ds = o.get("datasource");
        return ds instanceof Map<?, ?> m && "prometheus".equals(m.get("type"));
    }
}
