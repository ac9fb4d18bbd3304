package vn.hoinghi.orchestrator.audit;

import vn.hoinghi.orchestrator.platform.crypto.Sha256;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain: each row's hash covers the previous hash and every column of the row. Fields are
 * length-prefixed so that moving text from one column to the next changes the hash.
 */
public final class AuditChain {
    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** PostgreSQL keeps microseconds: hash exactly what the database will give back. */
    public static Instant storable(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(long id, Instant at, String actor, String action, String entity, String entityId,
                              String beforeJson, String afterJson, String prevHash) {
        StringBuilder canonical = new StringBuilder(256);
        Instant micros = storable(at);
        for (String field : new String[]{prevHash, Long.toString(id),
                micros.getEpochSecond() + "." + micros.getNano() / 1000, actor, action, entity, entityId,
                beforeJson, afterJson}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
            canonical.append('\n');
        }
        return Sha256.hex(canonical.toString());
    }

    public static String hashOf(AuditRecord r) {
        return hash(r.id(), r.at(), r.actor(), r.action(), r.entity(), r.entityId(), r.beforeJson(), r.afterJson(),
                r.prevHash());
    }
}
