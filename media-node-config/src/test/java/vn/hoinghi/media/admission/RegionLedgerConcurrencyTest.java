package vn.hoinghi.media.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.Load;

class RegionLedgerConcurrencyTest {
    @Test
    void fiftyBookersAtOnceNeverOverCommitARegion() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T01:00:00Z");
        // Room for exactly 7 of the 50 identical bookings.
        RegionLedger ledger = new RegionLedger("South", new Load(70_000, 0, 0, 0),
                new AdmissionCheck(Clock.fixed(t0, ZoneOffset.UTC)));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Reservation r = new Reservation("m" + i, t0.plusSeconds(i), t0.plusSeconds(7_200), new Load(10_000, 0, 0,
                    0));
            results.add(pool.submit(() -> {
                go.await();
                return ledger.tryReserve(r).fits();
            }));
        }
        go.countDown();
        int admitted = 0;
        for (Future<Boolean> f : results) {
            admitted += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(admitted).isEqualTo(7);
        assertThat(ledger.reservations()).hasSize(7);
    }
}
