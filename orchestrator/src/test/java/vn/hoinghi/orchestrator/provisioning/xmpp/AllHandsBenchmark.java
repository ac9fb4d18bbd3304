package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.core.type.Argument;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.support.OrchestratorProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 15 part 1 at full size, run by {@code orchestrator/bench/all-hands.sh}. The orchestrator runs as deployed:
 * its shaded jar in its own JVM (the ansible unit's options unless {@code allhands.orchestrator-jvm} says
 * otherwise), its job runner on the real clock, driven only over HTTP as an administrator would; this JVM holds
 * everything else ({@link AllHandsPeers}: the Prosodys, the protocol fakes, one participant per site). So the
 * orchestrator's RSS and CPU are its own. Then every participant streams rtcstats into the collector the script
 * started ({@link AllHandsRtcstats}). Prints every figure. Not a test (the name keeps surefire away).
 * Arguments: sites, interactive, room systems, visitor nodes (default one per 500 viewers, Jitsi's soft limit per
 * node; 0 puts every viewer in the main room), meeting minutes (default 8: it ends on its own, as booked).
 */
public final class AllHandsBenchmark {
    private static final Argument<List<Map<String, Object>>> ROWS = Argument.listOf(Argument.mapOf(String.class,
            Object.class));
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    /** The benchmark's lead before the start instead of 15 minutes: the preparation itself is what is timed. */
    private static final Duration LEAD = Duration.ofMinutes(1);

    private AllHandsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sites = arg(args, 0, 4000);
        int interactive = arg(args, 1, 50);
        AllHands.Size size = new AllHands.Size(sites, interactive, arg(args, 2, 120),
                arg(args, 3, (sites - interactive + 499) / 500));
        AllHandsDirectory directory = AllHandsDirectory.of(size);
        List<String> jvm = Arrays.asList(System.getProperty("allhands.orchestrator-jvm",
                "-Xms128m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError").trim().split("\\s+"));
        try (AllHandsPeers peers = new AllHandsPeers(size)) {
            Map<String, Object> p = peers.orchestratorProperties();
            p.put("hoinghi.service-keys.collector", System.getProperty("allhands.service-key",
                    "all-hands-bench-service-key-0123456789"));
            p.put("hoinghi.provisioning.prepare", LEAD.toSeconds() + "s");
            try (OrchestratorProcess o = OrchestratorProcess.start(Path.of(System.getProperty(
                    "allhands.orchestrator-jar", "orchestrator/target/hoinghi-orchestrator.jar")), jvm, p,
                    Integer.getInteger("allhands.orchestrator-port", 18081), Duration.ofMinutes(3))) {
                System.out.printf("size: %d sites (%d interactive, %d viewers on %d visitor nodes), %d room systems; "
                        + "one participant per site; orchestrator JVM: %s%n", size.sites(), size.interactive(),
                        size.viewers(), size.visitorNodes(), size.roomSystems(), String.join(" ", jvm));
                run(size, directory, peers, o, arg(args, 4, 8));
            }
        }
        System.exit(0);
    }

    private static void run(AllHands.Size size, AllHandsDirectory directory, AllHandsPeers peers,
                            OrchestratorProcess o, int minutes) throws Exception {
        ProcessUsage orch = new ProcessUsage(o.pid());
        long t0 = System.nanoTime();
        Map<String, Object> report = o.post("/api/v1/sites/import", "text/csv", directory.csv(), OBJECT);
        System.out.printf("directory import (POST /sites/import, %d sites): %.3f s, %s created%n",
                directory.all().size(), secondsSince(t0), report.get("created"));

        Instant start = Instant.now().plus(LEAD).plusSeconds(75).truncatedTo(ChronoUnit.MINUTES);
        BookingRequest booking = new BookingRequest("Hội nghị toàn quốc (đo tải)", null, "BTP",
                start.atOffset(ZoneOffset.UTC).toString(), start.plus(Duration.ofMinutes(minutes))
                .atOffset(ZoneOffset.UTC).toString(), null, null, null, directory.invites(size.interactive()), null);
        t0 = System.nanoTime();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) o.post("/api/v1/meetings", "application/json",
                o.json(booking), OBJECT).get("first");
        long id = ((Number) first.get("id")).longValue();
        String room = RoomNames.of(id);
        System.out.printf("booking (POST /meetings, %d invitations): %.3f s%n", size.sites(), secondsSince(t0));

        Instant due = start.minus(LEAD);
        System.out.printf("T-%d s preparation (due %s, then ConferenceIq, HoiNghi joins, READY): %.3f s after due%n",
                LEAD.toSeconds(), due, secondsAfter(due, awaitStatus(o, id, "READY", due, Duration.ofMinutes(3))));
        Instant connected = await(Duration.ofMinutes(5), () -> count(attempts(o, id), "CONNECTED")
                >= size.roomSystems());
        List<Map<String, Object>> attempts = attempts(o, id);
        long once = attempts.stream().filter(a -> peers.jicofo.gateways.count(room, "jibri start " + a.get("target"))
                == 1).count();
        System.out.printf("dial-out: %d room systems CONNECTED %.3f s after the start (each dialled exactly once: "
                + "%d of %d; %d attempts)%n", count(attempts, "CONNECTED"), secondsAfter(start, connected), once,
                size.roomSystems(), attempts.size());

        ProcessUsage.Sample before = orch.sample();
        Map<String, Double> prosody0 = peers.prosodyCpu();
        double send = seconds(peers.joinEveryone(room, directory.invited()));
        if (size.visitorNodes() > 0) {
            StringBuilder nodes = new StringBuilder();
            peers.visitorNodes.keySet().forEach(n -> nodes.append(' ').append(n).append('=').append(peers.sentTo(n)));
            System.out.printf("focus: %d ConferenceIq answered in %.3f s; main room %d, visitor nodes%s%n",
                    size.sites(), seconds(peers.focusAnswered), peers.sentTo(""), nodes);
        }
        System.out.printf("joins: %d participants' presences sent in %.3f s%n", size.sites(), send);
        System.out.printf("joins: Prosody confirmed every join %.3f s after the last was sent%n",
                seconds(peers.joinsConfirmed(Duration.ofMinutes(20))));
        // Every 500 ms: one roll-call of 4,000 invitations is a heavy read; the poll must not be what loads it.
        try {
            await(Duration.ofMinutes(5), Duration.ofMillis(500), () -> present(o, id) >= size.sites());
        } catch (IllegalStateException e) {
            diagnose(o, id);
            throw e;
        }
        double rollCall = seconds(peers.sinceLastJoin());
        ProcessUsage.Sample joined = orch.sample();
        Map<String, Double> prosody1 = peers.prosodyCpu();
        StringBuilder cpu = new StringBuilder();
        prosody1.forEach((n, s) -> cpu.append(String.format(" %s %.1f s", n, s - prosody0.get(n))));
        System.out.printf("Prosody CPU during the joins (each one core at most, single-threaded):%s%n", cpu);
        System.out.printf("roll-call: every site PRESENT %.3f s after the last join was sent (target < 60 s)%n",
                rollCall);
        System.out.printf("orchestrator process during the joins: CPU %.2f cores; RSS %d MiB now, peak %d MiB so far "
                + "(target <= 512 MiB)%n", joined.coresSince(before), joined.rssMiB(), joined.peakMiB());

        int collector = Integer.getInteger("allhands.collector-port", 0);
        if (collector > 0) {
            AllHandsRtcstats.run(size, room, directory.endpoints(), collector, orch);
        }
        Instant end = start.plus(Duration.ofMinutes(minutes));
        System.out.printf("waiting for the booked end at %s%n", end);
        Instant ended = awaitStatus(o, id, "ENDED", end, Duration.ofMinutes(minutes + 5));
        Instant hungUp = await(Duration.ofMinutes(2), () -> count(attempts(o, id), "HUNG_UP") >= size.roomSystems());
        System.out.printf("end: ENDED %.3f s after the booked end, %d room systems hung up %.3f s after it%n",
                secondsAfter(end, ended), size.roomSystems(), secondsAfter(end, hungUp));
        ProcessUsage.Sample last = orch.sample();
        System.out.printf("orchestrator process over the whole run: RSS %d MiB at the end, peak %d MiB (target <= "
                + "512 MiB); CPU %.1f s%n", last.rssMiB(), last.peakMiB(), last.cpuSeconds());
        if (System.getProperty("allhands.orchestrator-jvm", "").contains("NativeMemoryTracking")) {
            // Where the resident memory goes (heap, metaspace, threads, code, GC, Netty's direct buffers).
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(o.pid()), "VM.native_memory", "summary",
                    "scale=MB").redirectErrorStream(true).start();
            new String(jcmd.getInputStream().readAllBytes()).lines()
                    .filter(l -> l.startsWith("Total") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
                    .forEach(l -> System.out.println("orchestrator NMT: " + l.trim()));
        }
    }

    private static Instant awaitStatus(OrchestratorProcess o, long id, String status, Instant notBefore,
                                       Duration timeout) throws Exception {
        long wait = Duration.between(Instant.now(), notBefore).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return await(timeout, () -> status.equals(o.get("/api/v1/meetings/" + id, OBJECT).get("status")));
    }

    private static List<Map<String, Object>> attempts(OrchestratorProcess o, long id) throws Exception {
        return o.get("/api/v1/meetings/" + id + "/dial-attempts", ROWS);
    }

    private static long count(List<Map<String, Object>> attempts, String outcome) {
        return attempts.stream().filter(a -> outcome.equals(a.get("outcome"))).count();
    }

    private static long present(OrchestratorProcess o, long id) throws Exception {
        return o.get("/api/v1/meetings/" + id + "/attendance", ROWS).stream()
                .filter(a -> "PRESENT".equals(a.get("state"))).count();
    }

    /** A roll-call that never completes: what it shows, and where the orchestrator's threads are. */
    private static void diagnose(OrchestratorProcess o, long id) throws Exception {
        Map<Object, Long> states = o.get("/api/v1/meetings/" + id + "/attendance", ROWS).stream()
                .collect(java.util.stream.Collectors.groupingBy(a -> a.get("state"),
                        java.util.stream.Collectors.counting()));
        System.out.printf("roll-call incomplete after 5 minutes: %s%n", states);
        Path dump = Path.of("orchestrator/target/all-hands-threads.txt");
        new ProcessBuilder("jcmd", String.valueOf(o.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(dump.toFile()).start().waitFor();
        List<String> log = o.log().lines().toList();
        System.out.printf("orchestrator threads: %s; the last 40 of its %d log lines:%n", dump, log.size());
        log.subList(Math.max(0, log.size() - 40), log.size()).forEach(System.out::println);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static Instant await(Duration timeout, Check check) throws Exception {
        return await(timeout, Duration.ofMillis(100), check);
    }

    /** Polls until {@code check} holds; returns when it was first seen to hold, fails after the timeout. */
    private static Instant await(Duration timeout, Duration period, Check check) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + timeout);
            }
            Thread.sleep(period.toMillis());
        }
        return Instant.now();
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double secondsAfter(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
