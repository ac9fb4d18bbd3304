package vn.hoinghi.orchestrator.provisioning;

import java.util.Map;

/**
 * Where the fleet registry reads the operator states (CORDONED, DRAINING, DISABLED) from, and reports a drained
 * node. Persisted by {@link PersistedOperatorStates}; {@link #NONE} keeps them in memory only (unit tests).
 */
public interface OperatorStates {
    /** Every node's operator state; a node not listed is ENABLED. */
    Map<String, MediaNode.Status> all();

    /** A DRAINING node carries nothing any more: it becomes DISABLED. Returns whether this call moved it. */
    boolean drained(String nodeId, String detail);

    OperatorStates NONE = new OperatorStates() {
        @Override
        public Map<String, MediaNode.Status> all() {
            return Map.of();
        }

        @Override
        public boolean drained(String nodeId, String detail) {
            return true;
        }
    };
}
