package vn.hoinghi.orchestrator.notifications;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat sees per meeting who was told, when, and why not; a unit operator does not. */
@MicronautTest(transactional = false)
class NotificationApiTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    BookingService booking;
    @Inject
    NotificationRunner runner;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
    }

    @Test
    void deliveriesThatCouldNotGoOutAreListedWithTheirReasonAndNextAttempt() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        long id = booking.book(Caller.SYSTEM, new BookingRequest("Họp trực tuyến", null, "BTP",
                start.atOffset(ZoneOffset.UTC).toString(), start.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)
                .toString(), null, null, null, List.of(new BookingRequest.Invite("STP-HNI", null, "BROWSER", null)),
                null)).first().id();
        // No mail server is configured here: every delivery waits for the next attempt, saying why.
        assertThat(runner.runOnce()).isEqualTo(2);

        Api secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
        List<NotificationController.DeliveryView> rows = secretariat.send(
                HttpRequest.GET("/api/v1/meetings/" + id + "/notifications"),
                Argument.listOf(NotificationController.DeliveryView.class)).body();
        assertThat(rows).extracting(NotificationController.DeliveryView::site).containsExactlyInAnyOrder("BTP", "STP-HNI");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo("INVITATION");
            assertThat(r.status()).isEqualTo("PENDING");
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.error()).contains("hoinghi.notifications.smtp.host is not set");
            assertThat(r.nextAttemptAt()).isAfter(Instant.now());
        });

        Api unit = Api.login(client.toBlocking(), "stp-hni", Fixtures.PASSWORD);
        assertThat(unit.text(HttpRequest.GET("/api/v1/meetings/" + id + "/notifications")).code()).isEqualTo(403);
    }
}
