package vn.hoinghi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the orchestrator (demo mode: embedded PostgreSQL 17 and the demo Ministry) and the collector (its own
 * embedded PostgreSQL) from their shaded jars, logs in, books a meeting, sends an rtcstats session, scrapes both,
 * and fails if any alert rule, recording rule, dashboard panel or dashboard variable names a metric or a label that
 * neither process exports and that is not in {@code prometheus/third-party-metrics.yml}.
 */
class MetricNamesTest {
    private static final Path WORK = Path.of("target", "metric-names");
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The login cookie, sent by hand: it is marked Secure, which java.net's cookie store keeps off plain http. */
    private static String session = "";
    private static Launched orchestrator;
    private static Launched collector;
    private static Path certificate;

    @BeforeAll
    static void start() throws Exception {
        deleteTree(WORK);
        certificate = selfSignedPem(WORK.resolve("xmpp-trusted.pem"));
        int oPort = Launched.freePort();
        int cPort = Launched.freePort();
        orchestrator = Launched.jar("orchestrator", Path.of(System.getProperty("orchestrator.jar")), WORK, oPort,
                Map.of("HOINGHI_XMPP_TRUSTED_CERTIFICATES", certificate.toAbsolutePath().toString()),
                List.of("-Dmicronaut.server.port=" + oPort), List.of("--demo"));
        collector = Launched.jar("collector", Path.of(System.getProperty("collector.jar")), WORK.resolve("collector"),
                cPort, Map.of("COLLECTOR_PORT", String.valueOf(cPort), "COLLECTOR_DB_EMBEDDED", "true"), List.of(),
                List.of());
        collector.awaitHttp(HTTP, "/health", Duration.ofMinutes(3));
        orchestrator.awaitHttp(HTTP, "/health", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void everyNameInRulesAndDashboardsIsExported() throws Exception {
        driveTraffic();
        Map<String, Set<String>> exported = new HashMap<>(Exposition.labelsByName(get(orchestrator, "/prometheus")));
        Exposition.labelsByName(get(collector, "/metrics")).forEach((k, v) -> exported.merge(k, v, (a, b) -> {
            Set<String> u = new TreeSet<>(a);
            u.addAll(b);
            return u;
        }));
        // What a user of the dashboards would miss first if the traffic had not reached the processes.
        assertThat(exported.get("http_server_requests_seconds_bucket")).contains("uri", "status", "le");
        assertThat(exported).containsKeys("hoinghi_fleet_nodes", "hoinghi_capacity_headroom_ratio",
                "hoinghi_dial_attempts_total", "hoinghi_xmpp_connected", "hoinghi_audit_chain_valid",
                "hikaricp_connections_active", "collector_participants", "collector_site_alerts_active");
        assertThat(scrapeValue(collector, "collector_frames_total{type=\"stats_entry\"}")).isGreaterThanOrEqualTo(3);
        double expiry = scrapeValue(orchestrator,
                "hoinghi_tls_certificate_expiry_timestamp_seconds{certificate=\"xmpp_trusted\"}");
        assertThat(expiry - System.currentTimeMillis() / 1000.0).isBetween(29 * 86400.0, 31 * 86400.0);

        Map<String, Set<String>> thirdParty = thirdParty();
        Map<String, Set<String>> recorded = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> rules = Assets.rules();
        for (Map<String, Object> rule : rules) {
            if (rule.get("record") != null) {
                PromQl.Parsed p = PromQl.parse(String.valueOf(rule.get("expr")));
                Set<String> out = new TreeSet<>(p.groupingLabels());
                out.addAll(NameCheck.TARGET_LABELS);
                recorded.put(String.valueOf(rule.get("record")), out);
            }
        }
        for (Map<String, Object> rule : rules) {
            String where = "rule " + (rule.get("alert") != null ? rule.get("alert") : rule.get("record"));
            NameCheck.check(where, PromQl.parse(String.valueOf(rule.get("expr"))), exported, thirdParty, recorded,
                    problems);
        }
        int expressions = rules.size();
        for (Path file : Assets.dashboards()) {
            Map<String, Object> dashboard = Assets.yaml(file);
            for (Map<String, Object> panel : Assets.panels(dashboard)) {
                for (Map<String, Object> target : Assets.targets(panel)) {
                    if (target.get("expr") != null) {
                        NameCheck.check(file.getFileName() + " panel \"" + panel.get("title") + "\"",
                                PromQl.parse(String.valueOf(target.get("expr"))), exported, thirdParty, recorded,
                                problems);
                        expressions++;
                    }
                }
            }
            for (Map<String, Object> variable : Assets.variables(dashboard)) {
                if (Assets.isPrometheus(variable)) {
                    Object q = variable.get("query");
                    String query = q instanceof Map<?, ?> m ? String.valueOf(m.get("query")) : String.valueOf(q);
                    NameCheck.check(file.getFileName() + " variable $" + variable.get("name"),
                            PromQl.parseVariableQuery(query), exported, thirdParty, recorded, problems);
                }
            }
        }
        assertThat(problems).as("names in rules and dashboards that nothing exports").isEmpty();
        assertThat(expressions).as("expressions checked").isGreaterThan(60);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> thirdParty() throws Exception {
        Map<String, Set<String>> out = new HashMap<>();
        for (Object exporter : Assets.yaml(Assets.MONITORING.resolve("prometheus/third-party-metrics.yml")).values()) {
            ((Map<String, Object>) exporter).forEach((name, labels) ->
                    out.put(name, new HashSet<>((List<String>) labels)));
        }
        return out;
    }

    /** Login, a search, a booking for tomorrow, the capacity view; then one rtcstats session of three samples. */
    private static void driveTraffic() throws Exception {
        var login = post(orchestrator, "/login", "{\"username\":\"admin\",\"password\":\"hoinghi-demo\"}");
        assertThat(login.statusCode()).as("demo admin logs in").isEqualTo(200);
        session = login.headers().allValues("set-cookie").stream().map(c -> c.split(";")[0])
                .collect(java.util.stream.Collectors.joining("; "));
        assertThat(get(orchestrator, "/api/v1/sites?q=ha")).contains("code");
        String day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        var booked = post(orchestrator, "/api/v1/meetings", "{\"title\":\"Giao ban kiểm thử số liệu\","
                + "\"hostSite\":\"STP-HNI\",\"start\":\"" + day + "T08:00\",\"end\":\"" + day + "T09:00\","
                + "\"invites\":[{\"site\":\"THADS-HNI\",\"participation\":\"INTERACTIVE\",\"wayIn\":\"BROWSER\"}]}");
        assertThat(booked.statusCode()).as("booking: " + booked.body()).isEqualTo(201);
        assertThat(get(orchestrator, "/api/v1/capacity")).contains("NORTH");
        RtcstatsClient.sendSession(HTTP, URI.create("ws://localhost:" + collector.port + "/"), "s1", "hn1", 3);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (scrapeValue(collector, "collector_frames_total{type=\"stats_entry\"}") < 3 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    private static double scrapeValue(Launched p, String series) throws Exception {
        String path = p == orchestrator ? "/prometheus" : "/metrics";
        for (String line : get(p, path).split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return Double.NaN;
    }

    private static String get(Launched p, String path) throws Exception {
        var r = HTTP.send(withSession(HttpRequest.newBuilder(p.url(path)).timeout(Duration.ofSeconds(20))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        return r.body();
    }

    private static HttpResponse<String> post(Launched p, String path, String json) throws Exception {
        return HTTP.send(withSession(HttpRequest.newBuilder(p.url(path)).timeout(Duration.ofSeconds(30)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder withSession(HttpRequest.Builder b) {
        return session.isEmpty() ? b : b.header("Cookie", session);
    }

    /** keytool ships with every JDK: a 30-day self-signed certificate as Prosody's would be. */
    private static Path selfSignedPem(Path pem) throws Exception {
        Files.createDirectories(pem.getParent());
        Path keystore = pem.resolveSibling("xmpp.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "prosody", "-keyalg", "EC", "-dname", "CN=meet.hoinghi.local",
                "-validity", "30", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "prosody", "-keystore", keystore.toString(), "-storepass",
                "changeit", "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command) + "\n" + out)
                .isTrue();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
