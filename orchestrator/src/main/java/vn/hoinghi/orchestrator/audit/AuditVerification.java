package vn.hoinghi.orchestrator.audit;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Result of walking the whole chain. {@code headHash} and {@code rows} should be copied somewhere outside the
 * database (a daily report): the chain alone cannot show that its newest rows were cut off.
 */
@Serdeable
public record AuditVerification(boolean intact, long rows, String headHash, Long firstBadId, String reason) {
}
