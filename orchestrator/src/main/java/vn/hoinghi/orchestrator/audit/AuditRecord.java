package vn.hoinghi.orchestrator.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One row of the audit chain, exactly as stored and hashed. */
@Serdeable
public record AuditRecord(
        long id,
        Instant at,
        String actor,
        String action,
        String entity,
        String entityId,
        String beforeJson,
        String afterJson,
        String prevHash,
        String hash) {
}
