package vn.hoinghi.orchestrator.attendance;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import vn.hoinghi.orchestrator.booking.Booking;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

@MicronautTest(transactional = false)
class RollCallTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    SseClient sse;
    @Inject
    Fixtures fixtures;
    @Inject
    RollCall rollCall;
    @Inject
    AttendanceStore store;
    @Inject
    TransactionOperations<Connection> tx;
    Api operator;
    Instant start;
    long meetingId;

    static final String SERVICE_KEY = "collector-service-key-for-tests-000";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.fake-fleet", "true", "test.hand-clock", "true",
                "hoinghi.service-keys.collector", SERVICE_KEY);
    }

    @BeforeAll
    void load() {
        FakeFleet.reset();
        fixtures.ministryWithUsers();
        Api secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
        operator = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
        start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        BookingRequest r = new BookingRequest("Điểm danh", null, "BTP", start.atOffset(ZoneOffset.UTC).toString(),
                start.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString(), null, null, null,
                List.of(invite("STP-HNI"), invite("STP-HPG"), invite("STP-DNG"), invite("STP-HCM")), null);
        meetingId = secretariat.send(HttpRequest.POST("/api/v1/meetings", r), Booking.class).body().first().id();
    }

    private static BookingRequest.Invite invite(String site) {
        return new BookingRequest.Invite(site, null, "BROWSER", null);
    }

    @Test
    void theRollCallSaysWhoIsPresentLateGoneOrMissingAndMapsEndpointsToSites() {
        String room = "hn" + meetingId;
        rollCall.joined(room, "ep1", "STP-HNI", "abc", start.minusSeconds(60));
        rollCall.joined(room, "ep2", "STP-HPG", "def", start.plus(Duration.ofMinutes(12)));
        rollCall.joined(room, "ep3", "STP-DNG", "ghi", start.plusSeconds(30));
        rollCall.left(room, "ep3", start.plus(Duration.ofMinutes(20)));
        rollCall.joined(room, "ep9", null, "khách", start);
        var view = operator.send(HttpRequest.GET("/api/v1/meetings/" + meetingId + "/attendance"),
                Argument.listOf(RollCall.SiteAttendance.class)).body();
        assertThat(view).extracting(RollCall.SiteAttendance::site, RollCall.SiteAttendance::state).containsExactlyInAnyOrder(
                tuple("STP-HNI", RollCall.State.PRESENT), tuple("STP-HPG", RollCall.State.LATE),
                tuple("STP-DNG", RollCall.State.LEFT), tuple("STP-HCM", RollCall.State.MISSING));
        var endpoints = operator.send(HttpRequest.GET("/api/v1/meetings/" + meetingId + "/endpoints"),
                Argument.listOf(RollCall.Endpoint.class)).body();
        assertThat(endpoints).extracting(RollCall.Endpoint::endpointId, RollCall.Endpoint::site)
                .contains(tuple("ep1", "STP-HNI"), tuple("ep2", "STP-HPG"), tuple("ep3", "STP-DNG"));
        assertThat(endpoints).extracting(RollCall.Endpoint::endpointId).doesNotContain("ep9");
    }

    /**
     * Re-entering one room corrects only that room's occupants: the viewers on a visitor node are never in the main
     * room's occupant list (a main Prosody restart must not mark them LEFT), and whoever the re-entering session
     * still hears is not a leave.
     */
    @Test
    void reEntryCorrectsOnlyTheOccupantsHeardInThatRoom() {
        String room = "hn" + meetingId;
        // No site: the other tests' roll-call view stays as they left it.
        rollCall.joined(room, "v1", "node-1", null, "viewer", start);
        rollCall.joined(room, "node-main-1", null, "interactive", start);
        rollCall.joined(room, "node-main-2", null, "interactive", start);
        rollCall.occupants(room, RoomEvents.MAIN_ROOM, "node-main-2"::equals, start.plusSeconds(60));
        assertThat(last("node-1")).isEqualTo("JOINED");
        assertThat(last("node-main-1")).as("in the main room, not there on re-entry").isEqualTo("LEFT");
        assertThat(last("node-main-2")).isEqualTo("JOINED");
        rollCall.occupants(room, "v1", e -> false, start.plusSeconds(61));
        assertThat(last("node-1")).isEqualTo("LEFT");
    }

    private String last(String endpoint) {
        return tx.executeRead(status -> store.lastKind(meetingId, endpoint));
    }

    @Test
    void theCollectorResolvesAnEndpointWithItsServiceKeyOnly() {
        rollCall.joined("hn" + meetingId, "epX", "STP-CMU", "random-id", start);
        Api anonymous = Api.anonymous(client.toBlocking());
        var withKey = anonymous.text(HttpRequest.GET("/api/v1/attribution/hn" + meetingId + "@conference.meet/epX")
                .header("X-HoiNghi-Service-Key", SERVICE_KEY));
        assertThat(withKey.code()).isEqualTo(200);
        assertThat(withKey.body()).contains("\"siteCode\":\"STP-CMU\"", "\"region\":\"south\"",
                "\"kind\":\"province_justice\"");
        assertThat(anonymous.text(HttpRequest.GET("/api/v1/attribution/hn" + meetingId + "/epX")
                .header("X-HoiNghi-Service-Key", "wrong-key-wrong-key-wrong")).code()).isEqualTo(401);
        assertThat(anonymous.text(HttpRequest.GET("/api/v1/attribution/hn" + meetingId + "/nobody")
                .header("X-HoiNghi-Service-Key", SERVICE_KEY)).code()).isEqualTo(404);
    }

    @Test
    void joinsAreStreamedLiveOverServerSentEvents() {
        var request = HttpRequest.GET("/api/v1/meetings/" + meetingId + "/events").bearerAuth(operator.token());
        Flux<Event<LiveEvents.LiveEvent>> stream = Flux.from(sse.eventStream(request, LiveEvents.LiveEvent.class));
        var first = stream.filter(e -> !"ready".equals(e.getName())).take(1).next().toFuture();
        // The subscription is set up asynchronously: keep publishing until the subscriber has one.
        for (int i = 0; i < 50 && !first.isDone(); i++) {
            rollCall.joined("hn" + meetingId, "live-" + i, "STP-CTO", "x", start);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Event<LiveEvents.LiveEvent> event = first.join();
        assertThat(event.getName()).isEqualTo("joined");
        assertThat(event.getData().site()).isEqualTo("STP-CTO");
        assertThat(event.getData().meetingId()).isEqualTo(meetingId);
    }

    /** Without it a quiet meeting's stream sends nothing, not even headers, and the browser waits, "connecting". */
    @Test
    void theStreamOpensAtOnceWithAReadyEvent() {
        var request = HttpRequest.GET("/api/v1/meetings/" + meetingId + "/events").bearerAuth(operator.token());
        Event<LiveEvents.LiveEvent> first = Flux.from(sse.eventStream(request, LiveEvents.LiveEvent.class))
                .next().block(java.time.Duration.ofSeconds(10));
        assertThat(first.getName()).isEqualTo("ready");
        assertThat(first.getData().meetingId()).isEqualTo(meetingId);
    }
}
