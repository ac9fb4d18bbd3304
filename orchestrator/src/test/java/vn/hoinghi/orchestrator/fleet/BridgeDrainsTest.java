package vn.hoinghi.orchestrator.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.fleet.BridgeDrains.Outcome;
import vn.hoinghi.orchestrator.fleet.BridgeDrains.Result;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Kind;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;
import vn.hoinghi.orchestrator.provisioning.OperatorStates;
import vn.hoinghi.orchestrator.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconcile's decisions on a hand clock: when it calls a bridge again, when it leaves it alone, and what it
 * audits. The HTTP call and the audit store are replaced; XmppBridgeDrainTest runs the real ones.
 */
class BridgeDrainsTest {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(15);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
    private final Map<String, MediaNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, Status> stored = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private volatile String failure;
    private final BridgeDrains drains = drains(Map.of("jvb-1", "http://10.0.0.5:8080"));
    private BridgeDrains second;

    private BridgeDrains drains(Map<String, String> urls) {
        BridgeDrainConfig config = new BridgeDrainConfig();
        config.setRestUrls(urls);
        config.setRetryAfter(RETRY_AFTER);
        config.setReconcileInterval(Duration.ofHours(1)); // only the test runs it
        FleetRegistry registry = new FleetRegistry() {
            @Override
            public List<MediaNode> nodes() {
                return List.copyOf(nodes.values());
            }

            @Override
            public void setStatus(String id, Status status) {
            }
        };
        OperatorStates states = new OperatorStates() {
            @Override
            public Map<String, Status> all() {
                return Map.copyOf(stored);
            }

            @Override
            public boolean drained(String nodeId, String detail) {
                return true;
            }
        };
        BridgeDrainClient client = new BridgeDrainClient(config) {
            @Override
            public void drain(String baseUrl, boolean drain) throws Failed {
                calls.add(baseUrl + (drain ? " enable" : " disable"));
                if (failure != null) {
                    throw new Failed(failure);
                }
            }
        };
        // As AuditLog does under the chain's lock: compare with the newest entry for the same bridge.
        AuditLog audit = new AuditLog(null, null, clock) {
            @Override
            public synchronized <T> boolean appendUnlessRepeat(AuditEvent event, Class<T> type,
                                                               BiPredicate<T, T> repeats) {
                var last = audited.stream().filter(e -> e.entityId().equals(event.entityId()))
                        .reduce((a, b) -> b);
                if (last.isPresent() && repeats.test(type.cast(last.get().after()), type.cast(event.after()))) {
                    return false;
                }
                audited.add(event);
                return true;
            }
        };
        return new BridgeDrains(registry, states, client, config, audit, clock);
    }

    @AfterEach
    void close() {
        drains.close();
        if (second != null) {
            second.close();
        }
    }

    private void bridge(String id, Status status, boolean draining) {
        nodes.put(id, new MediaNode(id, Kind.JVB, "NORTH", status, 0.1, 1, 10, draining, false, "2.3", false,
                clock.instant()));
    }

    private List<String> auditLines() {
        return audited.stream().map(e -> e.actor() + " " + ((Result) e.after()).outcome()).toList();
    }

    @Test
    void aBridgeNoOperatorTouchedIsLeftAsItIs() {
        bridge("jvb-1", Status.ENABLED, true);
        drains.reconcile();
        assertThat(calls).isEmpty();
        assertThat(drains.of("jvb-1")).isEmpty();
    }

    @Test
    void aFailedCallIsRetriedAfterRetryAfterAuditedOnceAndClearedWhenItWorks() {
        bridge("jvb-1", Status.CORDONED, false);
        stored.put("jvb-1", Status.CORDONED);
        failure = "POST /colibri/drain/enable failed: ConnectException Connection refused";
        drains.reconcile();
        drains.reconcile();
        assertThat(calls).hasSize(1);
        assertThat(drains.of("jvb-1")).get().extracting(Result::outcome).isEqualTo(Outcome.FAILED);

        clock.elapse(RETRY_AFTER);
        drains.reconcile();
        assertThat(calls).hasSize(2);
        assertThat(auditLines()).as("one entry however many retries").containsExactly("system FAILED");

        failure = null;
        clock.elapse(RETRY_AFTER);
        drains.reconcile();
        assertThat(calls).containsExactly("http://10.0.0.5:8080 enable", "http://10.0.0.5:8080 enable",
                "http://10.0.0.5:8080 enable");
        assertThat(drains.of("jvb-1")).get().extracting(Result::outcome).isEqualTo(Outcome.APPLIED);
        assertThat(auditLines()).containsExactly("system FAILED", "system APPLIED");

        // The flag arrives in presence: nothing more to do, however long it stays so.
        bridge("jvb-1", Status.CORDONED, true);
        clock.elapse(RETRY_AFTER.multipliedBy(4));
        drains.reconcile();
        assertThat(calls).hasSize(3);
    }

    @Test
    void aBridgeThatRestartsUndrainedIsDrainedAgainOnceTheLastCallIsOldEnough() {
        bridge("jvb-1", Status.CORDONED, false);
        stored.put("jvb-1", Status.DRAINING);
        drains.reconcile();
        bridge("jvb-1", Status.DRAINING, true);
        clock.elapse(Duration.ofMinutes(10));
        drains.reconcile();
        assertThat(calls).hasSize(1);

        bridge("jvb-1", Status.DRAINING, false); // restarted: initial-drain-mode = false
        drains.reconcile();
        assertThat(calls).hasSize(2);
        assertThat(drains.of("jvb-1").orElseThrow().reason()).isEqualTo("re-sent: the bridge published drain=false");

        // Its presence still says false a moment later: no second call until retry-after has passed.
        clock.elapse(RETRY_AFTER.minusSeconds(1));
        drains.reconcile();
        assertThat(calls).hasSize(2);
    }

    @Test
    void enabledAgainIsSentAsDisableAndALostBridgeWaits() {
        bridge("jvb-1", Status.ENABLED, true);
        stored.put("jvb-1", Status.ENABLED);
        drains.reconcile();
        assertThat(calls).containsExactly("http://10.0.0.5:8080 disable");

        bridge("jvb-1", Status.LOST, false);
        stored.put("jvb-1", Status.CORDONED);
        clock.elapse(RETRY_AFTER);
        drains.reconcile();
        assertThat(calls).as("a LOST bridge is not called").hasSize(1);
    }

    @Test
    void aBridgeWithoutUrlShowsItAndIsAuditedOnce() {
        bridge("jvb-9", Status.CORDONED, false);
        stored.put("jvb-9", Status.CORDONED);
        drains.reconcile();
        clock.elapse(RETRY_AFTER);
        drains.reconcile();
        assertThat(calls).isEmpty();
        assertThat(drains.of("jvb-9").orElseThrow().outcome()).isEqualTo(Outcome.NOT_CONFIGURED);
        assertThat(auditLines()).containsExactly("system NOT_CONFIGURED");
    }

    @Test
    void twoOrchestratorsOnOneDatabaseAuditAnOutageAndItsEndOnce() {
        second = drains(Map.of("jvb-1", "http://10.0.0.5:8080"));
        bridge("jvb-1", Status.CORDONED, false);
        stored.put("jvb-1", Status.CORDONED);
        failure = "POST /colibri/drain/enable failed: HttpTimeoutException request timed out";
        drains.reconcile();
        second.reconcile();
        clock.elapse(RETRY_AFTER);
        drains.reconcile();
        second.reconcile();
        assertThat(calls).as("each orchestrator keeps trying").hasSize(4);
        assertThat(auditLines()).as("one outage, one entry").containsExactly("system FAILED");

        failure = null;
        clock.elapse(RETRY_AFTER);
        drains.reconcile();
        second.reconcile();
        assertThat(drains.of("jvb-1").orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(second.of("jvb-1").orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(auditLines()).containsExactly("system FAILED", "system APPLIED");

        // The operator enables it again: a new wish, audited even though the other one applied it too.
        bridge("jvb-1", Status.CORDONED, true);
        stored.put("jvb-1", Status.ENABLED);
        clock.elapse(RETRY_AFTER);
        drains.reconcile();
        second.reconcile();
        assertThat(auditLines()).containsExactly("system FAILED", "system APPLIED", "system APPLIED");
        assertThat(((Result) audited.get(2).after()).drain()).isFalse();
    }
}
