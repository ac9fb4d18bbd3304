package vn.hoinghi.orchestrator.provisioning.xmpp;

import vn.hoinghi.orchestrator.provisioning.ConferenceControl.CallHandle;
import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 6 point 11: dial-outs through a real Prosody to the fake Jicofo/Jigasi/Jibri, issued from many job
 * threads at once, as the job runner would at a meeting's start. Half video (Jibri SIP), half audio (Rayo, where
 * the fake Jigasi joins the room per call). Run by {@code orchestrator/bench/xmpp-dial-out.sh}; prints numbers.
 * Not a test (the name keeps surefire away); arguments: rooms, calls per room (even, ≤ 2 × Jigasi sessions), threads.
 */
public final class DialOutBenchmark {
    private DialOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rooms = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perRoom = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        try (ProsodyServer prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH,
                "hoinghi@" + ProsodyServer.AUTH, "jigasi@" + ProsodyServer.AUTH));
             FakeJigasi jigasi = new FakeJigasi(prosody, perRoom / 2);
             FakeJicofo jicofo = new FakeJicofo(prosody, Duration.ofMinutes(5), jigasi);
             XmppSession session = new XmppSession(TestClients.orchestratorConfig(prosody))) {
            if (!session.awaitLogin(Duration.ofSeconds(10))) {
                throw new IllegalStateException("orchestrator did not log in");
            }
            XmppConferenceControl control = new XmppConferenceControl(session, new RecordingRoomEvents(),
                    Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<?>> prepared = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                String room = "bench" + r;
                prepared.add(pool.submit(() -> control.prepare(new RoomSpec(room, room, "STP-HNI", null, false,
                        Map.of()), Duration.ofSeconds(30))));
            }
            for (Future<?> f : prepared) {
                f.get();
            }
            double prepareSeconds = (System.nanoTime() - t0) / 1e9;

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Future<CallHandle>> calls = new ArrayList<>();
            long t1 = System.nanoTime();
            for (int i = 0; i < perRoom; i++) {
                for (int r = 0; r < rooms; r++) {
                    String room = "bench" + r;
                    boolean video = i % 2 == 0;
                    String target = (video ? "sip:room" : "sip:09") + r + "x" + i + "@gw.hoinghi.local";
                    calls.add(pool.submit(() -> {
                        long s = System.nanoTime();
                        CallHandle h = video ? control.dialVideo(room, target, "Bench", Duration.ofSeconds(60))
                                : control.dialAudio(room, target, "HoiNghi", Duration.ofSeconds(60));
                        latencies.add(System.nanoTime() - s);
                        return h;
                    }));
                }
            }
            List<CallHandle> handles = new ArrayList<>();
            for (Future<CallHandle> f : calls) {
                handles.add(f.get());
            }
            double dialSeconds = (System.nanoTime() - t1) / 1e9;

            long t2 = System.nanoTime();
            List<Future<?>> hangups = new ArrayList<>();
            for (CallHandle h : handles) {
                hangups.add(pool.submit(() -> {
                    control.hangUp(h);
                    return null;
                }));
            }
            for (Future<?> f : hangups) {
                f.get();
            }
            double hangupSeconds = (System.nanoTime() - t2) / 1e9;
            pool.shutdown();
            control.close();

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("rooms prepared:  %d in %.2f s%n", rooms, prepareSeconds);
            System.out.printf("dial-outs:       %d (%d video via Jibri SIP, %d audio via Rayo/Jigasi) in %.2f s "
                    + "= %.0f/s with %d threads%n", handles.size(), (handles.size() + 1) / 2, handles.size() / 2,
                    dialSeconds, handles.size() / dialSeconds, threads);
            System.out.printf("dial latency:    p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
            System.out.printf("hang-ups:        %d in %.2f s; Jigasi saw %d hangups, Jicofo has %d SIP calls left%n",
                    handles.size(), hangupSeconds, jigasi.hangups.size(), jicofo.gateways.activeSip.size());
            System.out.printf("target:          1,000 dial-outs in < 10 s: %s%n",
                    handles.size() >= 1000 && dialSeconds < 10 ? "MET" : "NOT MET");
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
