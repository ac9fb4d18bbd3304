package vn.hoinghi.orchestrator.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.fleet.BridgeDrains.Outcome;
import vn.hoinghi.orchestrator.fleet.BridgeDrains.Result;
import vn.hoinghi.orchestrator.support.DatabaseTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two orchestrators observing the same outside fact at the same moment: on the real database, the chain's lock
 * makes the check and the append one step, so the fact is recorded once and the chain stays intact.
 */
@MicronautTest(transactional = false)
class AuditRepeatTest extends DatabaseTest {
    private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

    @Inject
    AuditLog audit;

    private static AuditEvent drain(Outcome outcome) {
        return new AuditEvent("system", "fleet.drain", "media-node", "jvb-repeat", null,
                new Result(true, outcome, "POST /colibri/drain/enable failed", AT));
    }

    private boolean append(AuditEvent event) {
        return audit.appendUnlessRepeat(event, Result.class,
                (last, now) -> last.drain() == now.drain() && last.outcome() == now.outcome());
    }

    @Test
    void aFactSeenByEightWritersAtOnceIsRecordedOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var go = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> writer = () -> {
                go.await();
                return append(drain(Outcome.FAILED));
            };
            answers.add(pool.submit(writer));
        }
        go.countDown();
        int appended = 0;
        for (Future<Boolean> answer : answers) {
            appended += answer.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(appended).isEqualTo(1);

        assertThat(append(drain(Outcome.APPLIED))).as("a new outcome is a new fact").isTrue();
        assertThat(append(drain(Outcome.FAILED))).as("failing again after it worked").isTrue();
        assertThat(audit.history("media-node", "jvb-repeat")).hasSize(3);
        assertThat(audit.verify().intact()).isTrue();
    }
}
