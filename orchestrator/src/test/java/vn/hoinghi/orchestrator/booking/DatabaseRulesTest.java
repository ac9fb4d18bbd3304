package vn.hoinghi.orchestrator.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The booking rules hold even for SQL written behind the application's back. */
@MicronautTest(transactional = false)
class DatabaseRulesTest extends DatabaseTest {
    @Inject
    Fixtures fixtures;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
    }

    private static String insert(String start, String end, String host) {
        return "INSERT INTO hoinghi.meeting (title, host_site, starts_at, ends_at, status, created_by, created_at,"
                + " updated_at) VALUES ('x', '" + host + "', " + start + ", " + end + ", 'BOOKED', 't', now(), now())";
    }

    @Test
    void theDatabaseRefusesPastTooLongAndDoubleHostedMeetings() throws SQLException {
        try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(insert("now() - interval '1 day'", "now()", "BTP")))
                    .hasMessageContaining("in the past");
            assertThatThrownBy(() -> s.execute(insert("now() + interval '1 day'", "now() + interval '3 days'", "BTP")))
                    .hasMessageContaining("meeting_max_duration");
            assertThatThrownBy(() -> s.execute(insert("now() + interval '2 hours'", "now() + interval '1 hour'", "BTP")))
                    .hasMessageContaining("range lower bound must be less than or equal");
            s.execute(insert("now() + interval '1 day'", "now() + interval '1 day 2 hours'", "STP-HNI"));
            assertThatThrownBy(() -> s.execute(insert("now() + interval '1 day 1 hour'", "now() + interval '1 day 3 hours'",
                    "stp-hni"))).hasMessageContaining("meeting_host_no_overlap");
        }
    }
}
