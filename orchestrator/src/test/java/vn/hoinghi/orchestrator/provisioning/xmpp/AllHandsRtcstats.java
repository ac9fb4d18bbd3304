package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The all-hands benchmark's telemetry part: every participant streams rtcstats (two peer connections each, a
 * getstats every 10 s each, as lib-jitsi-meet polls) into the collector the script started, through the collector's
 * own load generator in its own JVM, for {@code allhands.rtcstats-seconds}; then the collector's lag, its
 * attribution of every participant (it asks the orchestrator over HTTP) and the processes' CPU and memory.
 */
final class AllHandsRtcstats {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AllHandsRtcstats() {
    }

    static void run(AllHands.Size size, String room, Map<String, String> endpoints, int port,
                    ProcessUsage orchestrator) throws Exception {
        int seconds = Integer.getInteger("allhands.rtcstats-seconds", 60);
        int rate = Integer.getInteger("allhands.rtcstats-rate", size.sites() * 2 / 10);
        ProcessUsage collector = new ProcessUsage(Long.getLong("allhands.collector-pid"));
        ProcessUsage.Sample orch0 = orchestrator.sample();
        ProcessUsage.Sample coll0 = collector.sample();
        Process generator = new ProcessBuilder("java", "-XX:+UseParallelGC", "-Xmx1g", "-cp",
                Files.readString(Path.of(System.getProperty("allhands.generator-classpath"))).trim(),
                "vn.hoinghi.collector.bench.LoadGenerator", String.valueOf(port), String.valueOf(size.sites()),
                String.valueOf(rate), String.valueOf(seconds), room)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String sent = new String(generator.getInputStream().readAllBytes()).trim();
        generator.waitFor();
        ProcessUsage.Sample orch1 = orchestrator.sample();
        ProcessUsage.Sample coll1 = collector.sample();
        System.out.println("rtcstats generator: " + sent);
        String metrics = get("http://127.0.0.1:" + port + "/metrics");
        System.out.printf("collector lag (client stamp -> quality folded, last 30 s): p50 %s ms, p99 %s ms; "
                        + "server processing p99 %s ms%n", quantile(metrics, "collector_ingest_lag_seconds", "0.5"),
                quantile(metrics, "collector_ingest_lag_seconds", "0.99"),
                quantile(metrics, "collector_ingest_processing_seconds", "0.99"));
        String body = get("http://127.0.0.1:" + port + "/api/v1/meetings/" + room + "/summary");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> people = (List<Map<String, Object>>) JsonMapper.createDefault().readValue(body,
                Argument.mapOf(String.class, Object.class)).get("participants");
        if (people == null) {
            // e.g. 404 when the run was shorter than one 10 s quality window
            throw new IllegalStateException("the collector has no summary of " + room + ": " + body);
        }
        long right = people.stream().filter(p -> p.get("siteCode").equals(endpoints.get(p.get("endpointId")))).count();
        long unknown = people.stream().filter(p -> "unknown".equals(p.get("siteCode"))).count();
        System.out.printf("collector attribution: %d participants with quality, %d attributed to their own site, "
                + "%d unknown, %d wrong%n", people.size(), right, unknown, people.size() - right - unknown);
        System.out.printf("collector process during rtcstats: CPU %.2f cores, RSS %d MiB (peak %d MiB); "
                        + "orchestrator process CPU %.2f cores (attribution lookups), RSS %d MiB%n",
                coll1.coresSince(coll0), coll1.rssMiB(), coll1.peakMiB(), orch1.coresSince(orch0), orch1.rssMiB());
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String quantile(String metrics, String name, String q) {
        return metrics.lines().filter(l -> l.startsWith(name + "{quantile=\"" + q + "\""))
                .map(l -> String.format("%.1f", Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) * 1000))
                .findFirst().orElse("?");
    }
}
