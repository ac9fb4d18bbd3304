package vn.hoinghi.media.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.hoinghi.media.admission.AdmissionCheck;
import vn.hoinghi.media.admission.AdmissionDecision;
import vn.hoinghi.media.admission.Reservation;
import vn.hoinghi.media.capacity.Load;

/**
 * One admission decision against a region holding N reservations that all overlap the candidate's window (the
 * worst case: nothing can be skipped). Target: under 1 ms per decision at N = 10,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdmissionBenchmark {
    @Param({"10000"})
    int reservations;

    private final Instant t0 = Instant.parse("2026-12-01T01:00:00Z");
    private AdmissionCheck check;
    private List<Reservation> held;
    private Reservation candidate;
    private Load capacity;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        held = new ArrayList<>(reservations);
        for (int i = 0; i < reservations; i++) {
            // Every window overlaps [t0, t0 + 2 h): starts up to 2 h before, ends up to 2 h after, minute-aligned.
            Instant from = t0.minusSeconds(60L * random.nextInt(120));
            Instant to = t0.plusSeconds(60L * (1 + random.nextInt(240)));
            held.add(new Reservation("r" + i, from, to, new Load(random.nextInt(2_000), random.nextInt(20),
                    random.nextInt(2), random.nextInt(3))));
        }
        candidate = new Reservation("candidate", t0, t0.plusSeconds(7_200), new Load(20_000, 200, 1, 2));
        capacity = new Load(40_000L * 400, 500L * 80, 8_000, 20_000);
        check = new AdmissionCheck(Clock.fixed(t0.minusSeconds(86_400), ZoneOffset.UTC));
    }

    @Benchmark
    public AdmissionDecision decide() {
        return check.check("North", capacity, held, candidate);
    }
}
