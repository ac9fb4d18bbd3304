package vn.hoinghi.orchestrator.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;

import java.util.Map;

/**
 * Operator states in the database, so they survive a restart and every orchestrator on the database sees them;
 * each change is an audit entry in the same transaction ({@code fleet.status}, entity {@code media-node}).
 */
@Singleton
public class PersistedOperatorStates implements OperatorStates {
    /** The audit actor of a change HoiNghi makes on its own (a drained node becoming DISABLED). */
    public static final String SYSTEM = "system";

    /** A node's state as the audit log records it; {@code reason} only for a change HoiNghi made itself. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(String status, String reason) {
    }

    private final FleetStateStore store;
    private final AuditLog audit;

    public PersistedOperatorStates(FleetStateStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MediaNode.Status> all() {
        return store.all();
    }

    /** Records an operator's change; returns the state before it. */
    @Transactional
    public MediaNode.Status set(String actor, String nodeId, MediaNode.Status status) {
        if (status == MediaNode.Status.LOST) {
            throw new IllegalArgumentException("LOST is observed, not set");
        }
        MediaNode.Status before = store.lock(nodeId).orElse(MediaNode.Status.ENABLED);
        store.put(nodeId, status, actor);
        if (before != status) {
            audit.append(new AuditEvent(actor, "fleet.status", "media-node", nodeId, new State(before.name(), null),
                    new State(status.name(), null)));
        }
        return before;
    }

    @Override
    @Transactional
    public boolean drained(String nodeId, String detail) {
        // Conditional: with two orchestrators watching the same node, only one moves it and audits the move.
        if (!store.move(nodeId, MediaNode.Status.DRAINING, MediaNode.Status.DISABLED, SYSTEM)) {
            return false;
        }
        audit.append(new AuditEvent(SYSTEM, "fleet.status", "media-node", nodeId,
                new State("DRAINING", null), new State("DISABLED", detail)));
        return true;
    }
}
