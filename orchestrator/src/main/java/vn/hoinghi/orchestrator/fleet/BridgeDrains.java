package vn.hoinghi.orchestrator.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Context;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Kind;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;
import vn.hoinghi.orchestrator.provisioning.OperatorStates;
import vn.hoinghi.orchestrator.provisioning.PersistedOperatorStates;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries an operator's cordon to the bridge itself, so Jicofo (which picks bridges on its own, preferring those
 * whose presence says {@code drain=false}) places no new conference on it: CORDONED, DRAINING and DISABLED put the
 * JVB into drain mode, ENABLED takes it out. The stored operator state is the wanted state; a reconcile compares it
 * with the {@code drain} stat each bridge publishes and calls again where they differ (a failed call, a bridge
 * restarted with drain off), at most every {@code retry-after}. A bridge HoiNghi has no state row for is left as
 * it is. Each change of a bridge's outcome is audited ({@code fleet.drain}) once, however many orchestrators share
 * the database and saw it; all calls run on one thread.
 */
@Context
public class BridgeDrains implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeDrains.class);

    public enum Outcome { PENDING, APPLIED, FAILED, NOT_CONFIGURED }

    /** The last thing HoiNghi did or saw about a bridge's drain mode, as the fleet API and the audit log show it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(boolean drain, Outcome outcome, String reason, Instant at) {
    }

    private final FleetRegistry registry;
    private final OperatorStates states;
    private final BridgeDrainClient client;
    private final BridgeDrainConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;

    public BridgeDrains(FleetRegistry registry, OperatorStates states, BridgeDrainClient client,
                        BridgeDrainConfig config, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.states = states;
        this.client = client;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-drain");
            t.setDaemon(true);
            return t;
        });
        long period = config.getReconcileInterval().toMillis();
        worker.scheduleWithFixedDelay(this::reconcile, period, period, TimeUnit.MILLISECONDS);
    }

    public Optional<Result> of(String nodeId) {
        return Optional.ofNullable(results.get(nodeId));
    }

    /** An operator set {@code status}: the bridge's call goes out now, off the request thread. */
    public void requested(String actor, String nodeId, Status status) {
        boolean wanted = status != Status.ENABLED;
        if (registry.nodes().stream().noneMatch(n -> n.kind() == Kind.JVB && n.id().equals(nodeId))) {
            return;
        }
        results.put(nodeId, new Result(wanted, Outcome.PENDING, null, clock.instant()));
        try {
            worker.execute(() -> apply(actor, nodeId, wanted));
        } catch (RejectedExecutionException e) {
            // Shutting down; the next orchestrator's reconcile sends it.
        }
    }

    /** Every bridge HoiNghi has a state for whose published drain flag is not the wanted one gets its call again. */
    void reconcile() {
        try {
            List<MediaNode> bridges = registry.nodes().stream()
                    .filter(n -> n.kind() == Kind.JVB && n.status() != Status.LOST).toList();
            if (bridges.isEmpty()) {
                return;
            }
            Map<String, Status> stored = states.all();
            for (MediaNode bridge : bridges) {
                Status status = stored.get(bridge.id());
                if (status != null) {
                    check(bridge, status != Status.ENABLED);
                }
            }
        } catch (RuntimeException e) {
            // The database may be restarting: the next pass tries again.
            LOG.warn("could not reconcile the bridges' drain mode: {}", e.toString());
        }
    }

    private void check(MediaNode bridge, boolean wanted) {
        Result last = results.get(bridge.id());
        if (last != null && last.outcome() == Outcome.PENDING) {
            return; // the operator's call is queued behind this pass
        }
        boolean sameWish = last != null && last.drain() == wanted;
        if (bridge.draining() == wanted) {
            if (sameWish && last.outcome() != Outcome.APPLIED) {
                // Applied meanwhile (by another orchestrator, or a late answer): the failure shown is over.
                record(PersistedOperatorStates.SYSTEM, bridge.id(), new Result(wanted, Outcome.APPLIED,
                        "the bridge publishes drain=" + wanted, clock.instant()));
            }
            return;
        }
        if (sameWish && last.at().plus(config.getRetryAfter()).isAfter(clock.instant())) {
            return;
        }
        apply(PersistedOperatorStates.SYSTEM, bridge.id(), wanted, "re-sent: the bridge published drain=" + !wanted);
    }

    private void apply(String actor, String nodeId, boolean drain) {
        apply(actor, nodeId, drain, null);
    }

    private void apply(String actor, String nodeId, boolean drain, String why) {
        String url = config.getRestUrls().get(nodeId);
        Result result;
        if (url == null || url.isBlank()) {
            result = new Result(drain, Outcome.NOT_CONFIGURED,
                    "no hoinghi.bridge-drain.rest-urls." + nodeId + ": the bridge itself is not told", clock.instant());
        } else {
            try {
                client.drain(url, drain);
                result = new Result(drain, Outcome.APPLIED, why, clock.instant());
            } catch (BridgeDrainClient.Failed e) {
                result = new Result(drain, Outcome.FAILED, e.getMessage(), clock.instant());
            }
        }
        record(actor, nodeId, result);
    }

    /**
     * Keeps the result and audits every call that changed the bridge; a failure (or a missing URL) only when it
     * is new, so the retries of a bridge that stays unreachable are one entry, not one every {@code retry-after}.
     */
    private void record(String actor, String nodeId, Result result) {
        Result before = results.put(nodeId, result);
        if (before != null && before.outcome() == Outcome.PENDING) {
            before = null;
        }
        // The same rule the audit log applies across orchestrators, checked here first so that this process's own
        // retries cost no database round trip; applied calls always go there, where another's twin is dropped.
        if (before != null && result.outcome() != Outcome.APPLIED && repeats(before, result)) {
            return;
        }
        if (result.outcome() == Outcome.FAILED) {
            LOG.warn("JVB {} drain={} not applied: {}", nodeId, result.drain(), result.reason());
        }
        try {
            audit.appendUnlessRepeat(new AuditEvent(actor, "fleet.drain", "media-node", nodeId, before, result),
                    Result.class, this::repeats);
        } catch (RuntimeException e) {
            LOG.warn("could not audit the drain of JVB {}: {}", nodeId, e.toString());
        }
    }

    /**
     * Whether {@code now} only repeats the bridge's newest audited result, as when every orchestrator on the
     * database reconciles the same bridge: a failure (or a missing URL) with the same wish is one outage, however
     * many saw it; an applied call is the same one when it has the same reason within {@code retry-after}.
     */
    private boolean repeats(Result last, Result now) {
        if (last.drain() != now.drain() || last.outcome() != now.outcome()) {
            return false;
        }
        return now.outcome() != Outcome.APPLIED || Objects.equals(last.reason(), now.reason())
                && last.at().plus(config.getRetryAfter()).isAfter(now.at());
    }

    @Override
    @PreDestroy
    public void close() {
        worker.shutdownNow();
    }
}
