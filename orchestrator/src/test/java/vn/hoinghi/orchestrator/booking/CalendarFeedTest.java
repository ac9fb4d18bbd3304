package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.booking.Bookings.browser;
import static vn.hoinghi.orchestrator.booking.Bookings.simple;

@MicronautTest(transactional = false)
class CalendarFeedTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api secretariat;
    Api hanoi;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
        hanoi = Api.login(client.toBlocking(), "stp-hni", Fixtures.PASSWORD);
    }

    private String feedUrl(Api who, String site) {
        var r = who.send(HttpRequest.POST("/api/v1/sites/" + site + "/calendar-feed", ""),
                CalendarFeedController.FeedLink.class);
        assertThat(r.code()).isEqualTo(201);
        return r.body().url();
    }

    @Test
    void aSiteFeedListsItsMeetingsForAnyCalendarProgramUntilRevoked() throws Exception {
        assertThat(secretariat.text(HttpRequest.POST("/api/v1/meetings", simple("Giao ban Hà Nội", "BTP", 3, 8, 9,
                List.of(browser("STP-HNI"))))).code()).isEqualTo(201);
        assertThat(secretariat.text(HttpRequest.POST("/api/v1/meetings", simple("Họp miền Nam", "STP-HCM", 3, 8, 9,
                List.of(browser("THADS-HCM"))))).code()).isEqualTo(201);
        String url = feedUrl(hanoi, "STP-HNI");
        Api anonymous = Api.anonymous(client.toBlocking());
        var feed = anonymous.text(HttpRequest.GET(url));
        assertThat(feed.code()).isEqualTo(200);
        var events = new CalendarBuilder().build(new StringReader(feed.body())).<VEvent>getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getSummary().getValue()).containsExactly("Giao ban Hà Nội");
        assertThat(events.get(0).<net.fortuna.ical4j.model.property.Url>getProperty("URL").orElseThrow().getValue())
                .startsWith("http://localhost:8080/j/");

        String rotated = feedUrl(secretariat, "STP-HNI");
        assertThat(anonymous.text(HttpRequest.GET(url)).code()).as("old URL after rotation").isEqualTo(404);
        assertThat(anonymous.text(HttpRequest.GET(rotated)).code()).isEqualTo(200);
        assertThat(secretariat.text(HttpRequest.DELETE("/api/v1/sites/STP-HNI/calendar-feed")).code()).isEqualTo(204);
        assertThat(anonymous.text(HttpRequest.GET(rotated)).code()).as("after revocation").isEqualTo(404);
    }

    @Test
    void aUnitOperatorCannotIssueAnotherProvincesFeed() {
        assertThat(hanoi.text(HttpRequest.POST("/api/v1/sites/STP-DNG/calendar-feed", "")).code()).isEqualTo(403);
    }
}
