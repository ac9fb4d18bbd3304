package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.booking.Booking;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prosody's mod_reservations as a client: form posts, shared-secret header, the JSON it expects back. */
@MicronautTest(transactional = false)
class ReservationsTest extends DatabaseTest {
    private static final String SECRET = "reservations-secret-for-tests";
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api prosody;
    Instant start;
    long meetingId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.fake-fleet", "true", "test.hand-clock", "true",
                "hoinghi.provisioning.runner-enabled", "false", "hoinghi.meet.reservations-secret", SECRET);
    }

    @BeforeAll
    void load() {
        FakeFleet.reset();
        fixtures.ministryWithUsers();
        Api secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
        prosody = Api.anonymous(client.toBlocking());
        start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        BookingRequest r = new BookingRequest("Họp có đặt phòng", null, "BTP", start.atOffset(ZoneOffset.UTC)
                .toString(), start.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString(), null, null, null,
                List.of(new BookingRequest.Invite("STP-HNI", null, "BROWSER", null)), null);
        meetingId = secretariat.send(HttpRequest.POST("/api/v1/meetings", r), Booking.class).body().first().id();
    }

    private io.micronaut.http.HttpResponse<String> reserve(String room, String secret) {
        var req = HttpRequest.POST("/reservations/conference", Map.of("name", room,
                        "start_time", "2026-12-01T01:00:00.000Z", "mail_owner", "focus@auth.meet.hoinghi.local"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (secret != null) {
            req.header("Authorization", "Bearer " + secret);
        }
        return prosody.text(req);
    }

    @Test
    void withoutTheSharedSecretNothingIsReserved() {
        assertThat(reserve("hn" + meetingId, null).code()).isEqualTo(401);
        assertThat(reserve("hn" + meetingId, "wrong").code()).isEqualTo(401);
    }

    @Test
    void onlyBookedRoomsInsideTheirWindowAreAdmitted() {
        FakeFleet.CLOCK.set(start.minus(Duration.ofMinutes(30)));
        var early = reserve("hn" + meetingId, SECRET);
        assertThat(early.code()).isEqualTo(403);
        assertThat(early.body()).contains("\"message\"", "mở lúc");
        assertThat(reserve("phong-tu-do", SECRET).body()).contains("không có trong lịch");

        FakeFleet.CLOCK.set(start.minus(Duration.ofMinutes(15)));
        var ok = reserve("hn" + meetingId, SECRET);
        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.body()).contains("\"id\":\"" + meetingId + "\"", "\"name\":\"hn" + meetingId + "\"",
                "\"duration\":" + Duration.ofMinutes(90).toSeconds(), "\"mail_owner\":\"focus@auth.meet.hoinghi.local\"");
        assertThat(ok.body()).containsPattern("\"start_time\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\"");

        var byId = prosody.text(HttpRequest.GET("/reservations/conference/" + meetingId)
                .header("Authorization", "Bearer " + SECRET));
        assertThat(byId.code()).isEqualTo(200);
        var lua = prosody.text(HttpRequest.DELETE("/reservations/conference/" + meetingId + ".0")
                .header("Authorization", "Bearer " + SECRET));
        assertThat(lua.code()).as("Lua 5.4 sends ids as 1001.0").isEqualTo(200);

        FakeFleet.CLOCK.set(start.plus(Duration.ofMinutes(76)));
        assertThat(reserve("hn" + meetingId, SECRET).code()).isEqualTo(403);
    }
}
