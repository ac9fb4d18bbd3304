package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 15 part 1 at full size, run by {@code orchestrator/bench/all-hands.sh}: the {@link AllHands} scenario with
 * the orchestrator's HTTP server up (the collector asks it for endpoint → site), then every participant streams
 * rtcstats into the collector the script started, through the collector's own load generator. Prints every figure.
 * Not a test (the name keeps surefire away). Arguments: sites, interactive, room systems, visitor nodes (default: one
 * per 500 viewers, Jitsi's soft limit per node; 0 puts every viewer in the main room as before); system properties
 * {@code allhands.*} name the collector (port, pid, generator classpath, seconds, rate).
 */
public final class AllHandsBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AllHandsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sites = arg(args, 0, 4000);
        int interactive = arg(args, 1, 50);
        AllHands.Size size = new AllHands.Size(sites, interactive, arg(args, 2, 120),
                arg(args, 3, (sites - interactive + 499) / 500));
        int port = Integer.getInteger("allhands.orchestrator-port", 18081);
        String key = System.getProperty("allhands.service-key", "all-hands-bench-service-key-0123456789");
        try (AllHands a = AllHands.start(size, Map.of("micronaut.server.port", port,
                "hoinghi.service-keys.collector", key))) {
            a.ctx.getBean(EmbeddedServer.class).start();
            System.out.printf("size: %d sites (%d interactive, %d viewers on %d visitor nodes), %d room systems; "
                    + "one participant per site%n", size.sites(), size.interactive(), size.viewers(),
                    size.visitorNodes(), size.roomSystems());
            System.out.printf("booking (BookingService, in process): %.3f s%n", seconds(a.book()));
            System.out.printf("T-15 preparation (ConferenceIq, join, room READY): %.3f s%n", seconds(a.prepare()));
            double dial = seconds(a.dialOut(Duration.ofMinutes(5)));
            long once = a.roomSystemSites.stream()
                    .filter(s -> a.jicofo.gateways.count(a.room, "jibri start " + a.dialTarget(s)) == 1).count();
            System.out.printf("dial-out: %d room systems CONNECTED in %.3f s (each dialled exactly once: %d of %d)%n",
                    a.roomSystemSites.size(), dial, once, a.roomSystemSites.size());

            Usage before = Usage.now();
            Map<String, Long> prosody0 = prosodyTicks(a);
            double send = seconds(a.joinEveryone());
            if (size.visitorNodes() > 0) {
                StringBuilder nodes = new StringBuilder();
                a.visitorNodes.keySet().forEach(n -> nodes.append(' ').append(n).append('=').append(a.sentTo(n)));
                System.out.printf("focus: %d ConferenceIq answered in %.3f s; main room %d, visitor nodes%s%n",
                        size.sites(), seconds(a.focusAnswered), a.sentTo(""), nodes);
            }
            System.out.printf("joins: %d participants' presences sent in %.3f s%n", size.sites(), send);
            double confirmed = seconds(a.joinsConfirmed(Duration.ofMinutes(20)));
            System.out.printf("joins: Prosody confirmed every join %.3f s after the last was sent%n", confirmed);
            double rollCall = seconds(a.rollCallComplete(Duration.ofMinutes(20)));
            Usage joined = Usage.now();
            Map<String, Long> prosody1 = prosodyTicks(a);
            StringBuilder cpu = new StringBuilder();
            prosody1.forEach((n, t) -> cpu.append(String.format(" %s %.1f s", n, (t - prosody0.get(n)) / 100.0)));
            System.out.printf("Prosody CPU during the joins (each one core at most, single-threaded):%s%n", cpu);
            System.out.printf("roll-call: every site PRESENT %.3f s after the last join was sent (target < 60 s)%n",
                    rollCall);
            System.out.printf("orchestrator JVM during the joins: CPU %.2f cores; RSS %d MiB now, peak %d MiB "
                            + "(target <= 512 MiB); heap used %d MiB%n",
                    joined.coresSince(before), joined.rssMiB, joined.peakMiB, joined.heapMiB);

            int collector = Integer.getInteger("allhands.collector-port", 0);
            if (collector > 0) {
                rtcstats(a, collector);
            }
            long t0 = System.nanoTime();
            a.end();
            System.out.printf("end: ENDED and %d room systems hung up in %.3f s%n", a.roomSystemSites.size(),
                    (System.nanoTime() - t0) / 1e9);
            Usage last = Usage.now();
            System.out.printf("orchestrator JVM at the end: RSS %d MiB, peak %d MiB; CPU over the whole run %.1f s%n",
                    last.rssMiB, last.peakMiB, last.cpuNanos / 1e9);
        }
        System.exit(0);
    }

    /** Every participant streams rtcstats (two peer connections each) into the collector for a while. */
    private static void rtcstats(AllHands a, int port) throws Exception {
        int seconds = Integer.getInteger("allhands.rtcstats-seconds", 60);
        // lib-jitsi-meet polls getstats every 10 s per peer connection; two peer connections per participant.
        int rate = Integer.getInteger("allhands.rtcstats-rate", a.size.sites() * 2 / 10);
        String pid = System.getProperty("allhands.collector-pid");
        Usage before = Usage.now();
        long ticks0 = ticks(pid);
        Process generator = new ProcessBuilder("java", "-XX:+UseParallelGC", "-Xmx1g", "-cp",
                Files.readString(Path.of(System.getProperty("allhands.generator-classpath"))).trim(),
                "vn.hoinghi.collector.bench.LoadGenerator", String.valueOf(port), String.valueOf(a.size.sites()),
                String.valueOf(rate), String.valueOf(seconds), a.room)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String sent = new String(generator.getInputStream().readAllBytes()).trim();
        generator.waitFor();
        long ticks1 = ticks(pid);
        Usage after = Usage.now();
        System.out.println("rtcstats generator: " + sent);
        String metrics = get("http://127.0.0.1:" + port + "/metrics");
        System.out.printf("collector lag (client stamp -> quality folded, last 30 s): p50 %s ms, p99 %s ms; "
                        + "server processing p99 %s ms%n", quantile(metrics, "collector_ingest_lag_seconds", "0.5"),
                quantile(metrics, "collector_ingest_lag_seconds", "0.99"),
                quantile(metrics, "collector_ingest_processing_seconds", "0.99"));
        Map<String, Object> summary = a.ctx.getBean(JsonMapper.class).readValue(
                get("http://127.0.0.1:" + port + "/api/v1/meetings/" + a.room + "/summary"), Argument.mapOf(
                        String.class, Object.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> people = (List<Map<String, Object>>) summary.get("participants");
        Map<String, String> expected = a.endpoints();
        long right = people.stream().filter(p -> p.get("siteCode").equals(expected.get(p.get("endpointId")))).count();
        long unknown = people.stream().filter(p -> "unknown".equals(p.get("siteCode"))).count();
        System.out.printf("collector attribution: %d participants with quality, %d attributed to their own site, "
                + "%d unknown, %d wrong%n", people.size(), right, unknown, people.size() - right - unknown);
        double wall = (after.wallNanos - before.wallNanos) / 1e9;
        System.out.printf("collector process during rtcstats: CPU %.2f cores, RSS %s; orchestrator CPU %.2f cores%n",
                (ticks1 - ticks0) / 100.0 / wall, status(pid, "VmRSS") + " (peak " + status(pid, "VmHWM") + ")",
                after.coresSince(before));
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String quantile(String metrics, String name, String q) {
        return metrics.lines().filter(l -> l.startsWith(name + "{quantile=\"" + q + "\""))
                .map(l -> String.format("%.1f", Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) * 1000))
                .findFirst().orElse("?");
    }

    /** CPU ticks of the main Prosody and of every visitor node's. */
    private static Map<String, Long> prosodyTicks(AllHands a) throws Exception {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        out.put("main", ticks(String.valueOf(a.prosody.pid())));
        for (Map.Entry<String, ProsodyServer> n : a.visitorNodes.entrySet()) {
            out.put(n.getKey(), ticks(String.valueOf(n.getValue().pid())));
        }
        return out;
    }

    /** utime + stime of a process (the collector, Prosody) in clock ticks (100 per second on Linux). */
    private static long ticks(String pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String status(String pid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field))
                .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) / 1024) + " MiB").findFirst().orElse("?");
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** This JVM's CPU time, RSS and heap at one instant. */
    private record Usage(long wallNanos, long cpuNanos, long rssMiB, long peakMiB, long heapMiB) {
        static Usage now() throws Exception {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Runtime r = Runtime.getRuntime();
            return new Usage(System.nanoTime(), os.getProcessCpuTime(), kib("VmRSS") / 1024, kib("VmHWM") / 1024,
                    (r.totalMemory() - r.freeMemory()) >> 20);
        }

        double coresSince(Usage before) {
            return (cpuNanos - before.cpuNanos) / (double) (wallNanos - before.wallNanos);
        }

        private static long kib(String field) throws Exception {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        }
    }
}
