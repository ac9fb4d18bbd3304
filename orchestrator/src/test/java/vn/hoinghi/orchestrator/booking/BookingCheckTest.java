package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.sites.Region;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteStore;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.Probe;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.booking.Bookings.at;
import static vn.hoinghi.orchestrator.booking.Bookings.browser;
import static vn.hoinghi.orchestrator.booking.Bookings.room;
import static vn.hoinghi.orchestrator.booking.Bookings.simple;

/** The dry run answers what a booking would meet (clashes, capacity per region) and writes nothing. */
@MicronautTest(transactional = false)
class BookingCheckTest extends DatabaseTest {
    private static final int GATEWAYS = 3;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    SiteStore sites;
    @Inject
    Probe probe;
    @Inject
    JsonMapper json;
    Api secretariat;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hoinghi.fleet.SOUTH.jibri-sip", String.valueOf(GATEWAYS),
                "hoinghi.fleet.CENTRAL.bridges", "0");
    }

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
    }

    private BookingCheckResult check(BookingRequest r) {
        long before = rows();
        var resp = secretariat.text(HttpRequest.POST("/api/v1/meetings/check", r));
        assertThat(resp.code()).as(resp.body()).isEqualTo(200);
        assertThat(rows()).as("a dry run writes nothing").isEqualTo(before);
        try {
            return json.readValue(resp.body(), BookingCheckResult.class);
        } catch (IOException e) {
            throw new AssertionError(resp.body(), e);
        }
    }

    /** Meetings, holds, reservations, outbox and audit rows together: any write would change the sum. */
    private long rows() {
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); var s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM hoinghi.meeting)"
                    + " + (SELECT count(*) FROM hoinghi.room_hold) + (SELECT count(*) FROM hoinghi.capacity_reservation)"
                    + " + (SELECT count(*) FROM hoinghi.outbox) + (SELECT count(*) FROM hoinghi.audit_log)");
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFreeSlotFitsAndTheRealBookingThenSucceeds() {
        BookingRequest r = simple("Họp kiểm tra", "STP-HNI", 6, 8, 10, List.of(browser("STP-HPG")));
        BookingCheckResult result = check(r);
        assertThat(result.bookable()).isTrue();
        assertThat(result.occurrences()).singleElement().satisfies(o -> {
            assertThat(o.clashes()).isEmpty();
            assertThat(o.regions()).extracting(BookingCheckResult.RegionCheck::region).contains("NORTH");
            assertThat(o.regions()).allSatisfy(g -> assertThat(g.messageVi()).startsWith("Đủ năng lực"));
        });
        assertThat(secretariat.text(HttpRequest.POST("/api/v1/meetings", r)).code()).isEqualTo(201);
    }

    @Test
    void aBusyRoomSystemIsNamedBeforeSaving() {
        assertThat(secretariat.text(HttpRequest.POST("/api/v1/meetings",
                simple("Họp A", "STP-HNI", 7, 8, 10, List.of(room("THADS-HNI"))))).code()).isEqualTo(201);
        BookingCheckResult result = check(simple("Họp B", "STP-HPG", 7, 9, 11, List.of(room("THADS-HNI"))));
        assertThat(result.bookable()).isFalse();
        assertThat(result.occurrences().get(0).clashes()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("room-system-busy");
            assertThat(e.messageVi()).contains("đã bận");
        });
    }

    @Test
    void aRegionShortOfGatewaysIsNamedWithItsWindow() {
        List<Site> south = probe.read(() -> sites.matching(Region.SOUTH, List.of(), null));
        List<BookingRequest.Invite> rooms = south.stream().filter(s -> !s.roomSystems().isEmpty())
                .limit(GATEWAYS + 2).map(s -> room(s.code())).toList();
        BookingCheckResult result = check(simple("Quá sức", "STP-HCM", 8, 14, 16, rooms));
        assertThat(result.bookable()).isFalse();
        assertThat(result.occurrences().get(0).regions()).filteredOn(g -> g.region().equals("SOUTH"))
                .singleElement().satisfies(g -> {
                    assertThat(g.fits()).isFalse();
                    assertThat(g.messageVi()).contains("miền Nam").contains("13:45");
                    assertThat(g.shortfalls()).extracting(Problem.FieldError::reason).contains("short-video-gateways");
                });
    }

    @Test
    void aRegionWithoutBridgesIsShortByWholeBridges() {
        BookingRequest r = new BookingRequest("Giao ban miền Trung", null, "BTP", at(9, 8), at(9, 10), null, null,
                null, List.of(browser("BTP")), List.of(new BookingRequest.InviteRule("CENTRAL",
                List.of("PROVINCE_THADS"), null, "INTERACTIVE", "BROWSER")));
        BookingCheckResult result = check(r);
        assertThat(result.bookable()).isFalse();
        assertThat(result.occurrences().get(0).regions()).filteredOn(g -> g.region().equals("CENTRAL"))
                .singleElement().satisfies(g -> {
                    assertThat(g.fits()).isFalse();
                    assertThat(g.bridgesShort()).isPositive();
                });
    }

    @Test
    void anInvalidRequestIsRefusedAsTheBookingWouldBe() {
        var resp = secretariat.text(HttpRequest.POST("/api/v1/meetings/check",
                simple("Họp", "KHONG-CO", 6, 8, 10, List.of(browser("STP-HPG")))));
        assertThat(resp.code()).isEqualTo(422);
        assertThat(resp.body()).contains("hostSite");
    }

    @Test
    void theDryRunIsInTheOpenApiDocument() {
        String doc = client.toBlocking().retrieve("/openapi");
        assertThat(doc).contains("/api/v1/meetings/check:").contains("BookingCheckResult");
    }
}
