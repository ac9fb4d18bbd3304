package vn.hoinghi.orchestrator.audit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain must expose a row edited behind the application's back, even by a database superuser. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTamperTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api admin;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        admin = Api.login(client.toBlocking(), "admin", Fixtures.PASSWORD);
    }

    private AuditVerification verify() {
        var r = admin.send(HttpRequest.GET("/api/v1/audit/verify"), AuditVerification.class);
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        return r.body();
    }

    @Test
    @Order(1)
    void anUntouchedChainVerifies() {
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rows()).isEqualTo(454);
        assertThat(v.headHash()).hasSize(64);
    }

    @Test
    @Order(2)
    void theDatabaseRefusesUpdatesAndDeletesOfAuditRows() throws SQLException {
        try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE hoinghi.audit_log SET actor = 'x' WHERE id = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM hoinghi.audit_log WHERE id = 1"))
                    .hasMessageContaining("append-only");
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    @Order(3)
    void anEditedRowIsNamedByTheVerifyEndpoint() throws SQLException {
        try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE hoinghi.audit_log DISABLE TRIGGER audit_log_no_update");
            s.execute("UPDATE hoinghi.audit_log SET actor = 'someone-else' WHERE id = 200");
            s.execute("ALTER TABLE hoinghi.audit_log ENABLE TRIGGER audit_log_no_update");
        }
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadId()).isEqualTo(200L);
        assertThat(v.reason()).contains("does not match its hash");
    }

    @Test
    @Order(4)
    void aDeletedRowIsDetectedToo() throws SQLException {
        try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE hoinghi.audit_log DISABLE TRIGGER audit_log_no_update");
            s.execute("DELETE FROM hoinghi.audit_log WHERE id BETWEEN 100 AND 300");
            s.execute("ALTER TABLE hoinghi.audit_log ENABLE TRIGGER audit_log_no_update");
        }
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadId()).isEqualTo(301L);
        assertThat(v.reason()).contains("row 100 is missing");
    }
}
