package vn.hoinghi.orchestrator.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2026-11-25T01:02:03.123456789Z");

    @Test
    void theHashCoversEveryFieldAndTheLink() {
        String base = AuditChain.hash(1, AT, "thuky", "site.update", "site", "STP-HNI", "{}", "{\"a\":1}",
                AuditChain.GENESIS);
        assertThat(base).hasSize(64).isEqualTo(AuditChain.hash(1, AT, "thuky", "site.update", "site", "STP-HNI",
                "{}", "{\"a\":1}", AuditChain.GENESIS));
        assertThat(AuditChain.hash(2, AT, "thuky", "site.update", "site", "STP-HNI", "{}", "{\"a\":1}",
                AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(1, AT, "admin", "site.update", "site", "STP-HNI", "{}", "{\"a\":1}",
                AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(1, AT, "thuky", "site.update", "site", "STP-HNI", "{}", "{\"a\":2}",
                AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(1, AT, "thuky", "site.update", "site", "STP-HNI", "{}", "{\"a\":1}",
                "1".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void textMovedBetweenFieldsChangesTheHash() {
        assertThat(AuditChain.hash(1, AT, "ab", "c", "site", "X", null, null, AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, AT, "a", "bc", "site", "X", null, null, AuditChain.GENESIS));
        assertThat(AuditChain.hash(1, AT, "a", "b", "site", "X", null, "", AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, AT, "a", "b", "site", "X", "", null, AuditChain.GENESIS));
    }

    @Test
    void nanosecondsBeyondWhatPostgresKeepsDoNotMatter() {
        assertThat(AuditChain.hash(1, AT, "a", "b", "c", "d", null, null, AuditChain.GENESIS)).isEqualTo(
                AuditChain.hash(1, AuditChain.storable(AT), "a", "b", "c", "d", null, null, AuditChain.GENESIS));
    }
}
