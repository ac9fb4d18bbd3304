package vn.hoinghi.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hoinghi.collector.jvb.BridgeMetrics;
import vn.hoinghi.collector.live.QualityHub;
import vn.hoinghi.collector.metrics.CollectorMetrics;
import vn.hoinghi.collector.quality.QualitySample;
import vn.hoinghi.collector.store.BatchWriter;
import vn.hoinghi.collector.store.DisabledTelemetryWriter;

/**
 * monitoring/prometheus and monitoring/grafana are checked here: promtool validates and unit-tests the rules (it must
 * be on PATH, Debian package "prometheus"; without it this test fails, it never skips), and every metric a rule or a
 * dashboard names must be one the collector really exports.
 */
class MonitoringAssetsTest {

  private static final Path MONITORING = Path.of(System.getProperty("collector.monitoring.dir", ".."));
  private static final Pattern METRIC = Pattern.compile("\\b(collector_[a-z_]+|hoinghi:[a-z0-9_:]+)");

  private static String run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
    return out;
  }

  @Test
  void promtoolAcceptsAndUnitTestsTheRules() throws Exception {
    Path prom = MONITORING.resolve("prometheus");
    assertThat(run(prom, "promtool", "check", "rules", "collector-rules.yml")).contains("SUCCESS");
    assertThat(run(prom, "promtool", "test", "rules", "collector-rules.test.yml")).contains("SUCCESS");
    assertThat(run(prom, "promtool", "check", "config", "prometheus.yml")).contains("SUCCESS");
  }

  @Test
  void rulesAndDashboardsNameOnlyExportedMetrics() throws Exception {
    Set<String> exported = exportedNames();
    String rules = Files.readString(MONITORING.resolve("prometheus/collector-rules.yml"));
    Set<String> recorded = new TreeSet<>();
    Matcher rec = Pattern.compile("record: (\\S+)").matcher(rules);
    while (rec.find()) {
      recorded.add(rec.group(1));
    }
    Set<String> used = new TreeSet<>(names(rules));
    JsonObject dashboard = new JsonObject(Files.readString(MONITORING.resolve(
        "grafana/dashboards/hoinghi-quality.json")));
    assertThat(dashboard.getString("uid")).isEqualTo("hoinghi-quality");
    dashboard.getJsonArray("panels").forEach(p -> ((JsonObject) p).getJsonArray("targets")
        .forEach(t -> used.addAll(names(((JsonObject) t).getString("expr")))));
    for (String name : used) {
      assertThat(exported.contains(name) || recorded.contains(name)).as(name + " is exported or recorded").isTrue();
    }
    assertThat(used).contains("collector_site_alerts_active", "collector_participants", "collector_jvb_stress_max");
  }

  private static List<String> names(String text) {
    Matcher m = METRIC.matcher(text);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Names in a scrape of every meter the collector registers. */
  private static Set<String> exportedNames() {
    CollectorMetrics metrics = new CollectorMetrics();
    Set<String> regions = Set.of("north", "central", "south");
    new QualityHub(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofSeconds(45), (m, e, b) -> { },
        new DisabledTelemetryWriter(metrics.registry()), metrics.registry(), regions);
    new BridgeMetrics(metrics.registry(), regions);
    new BatchWriter<QualitySample>("quality_sample", "", s -> null, null, 1, 1, metrics.registry());
    metrics.lagMillis(1);
    metrics.processingNanos(1);
    Set<String> names = new TreeSet<>();
    for (String line : metrics.scrape().split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        names.add(line.split("[{ ]")[0]);
      }
    }
    return names;
  }
}
