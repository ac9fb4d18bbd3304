package vn.hoinghi.orchestrator.audit;

/**
 * A change to record: who did what to which entity, with its state before and after (null for a create or a
 * delete). States are any serialisable value; they are stored as JSON text.
 */
public record AuditEvent(String actor, String action, String entity, String entityId, Object before, Object after) {
}
