package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.sites.NetworkKind;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.booking.Bookings.at;

/** The South has no visitor nodes here: its internet viewers must be served from the Central region instead. */
@MicronautTest(transactional = false)
class ViewerPlacementTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api secretariat;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hoinghi.fleet.SOUTH.visitor-nodes", "0");
    }

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
    }

    private BookingRequest southViewers(int day) {
        return new BookingRequest("Tập huấn THADS miền Nam", null, "STP-HCM", at(day, 8), at(day, 10), null, null,
                null, null, List.of(new BookingRequest.InviteRule("SOUTH", List.of("REGIONAL_THADS"), null,
                "VIEWER", "BROWSER")));
    }

    @Test
    void internetViewersOfAFullRegionAreServedFromItsNeighbour() {
        var r = secretariat.send(HttpRequest.POST("/api/v1/meetings", southViewers(5)), Booking.class);
        assertThat(r.code()).isEqualTo(201);
        Meeting m = r.body().first();
        for (Meeting.Invitation i : m.invites()) {
            Site site = secretariat.send(HttpRequest.GET("/api/v1/sites/" + i.site()), Site.class).body();
            String expected = site.network().kind() == NetworkKind.INTERNET ? "CENTRAL" : "SOUTH";
            assertThat(i.region()).as(i.site()).isEqualTo(expected);
        }
        assertThat(m.capacity()).filteredOn(h -> h.region().equals("CENTRAL")).singleElement()
                .satisfies(h -> assertThat(h.explanation()).contains("placed here from SOUTH (full)"));
        assertThat(m.capacity()).filteredOn(h -> h.region().equals("SOUTH"))
                .allSatisfy(h -> assertThat(h.visitorSlots()).isZero());
    }
}
