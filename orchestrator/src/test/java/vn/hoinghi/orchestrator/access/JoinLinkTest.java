package vn.hoinghi.orchestrator.access;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.booking.Booking;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
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

@MicronautTest(transactional = false)
class JoinLinkTest extends DatabaseTest {
    static final String APP_SECRET = "jitsi-app-secret-for-tests-only-0123456789";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api secretariat;
    Api anonymous;
    Instant start;
    long meetingId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.fake-fleet", "true", "test.hand-clock", "true",
                "hoinghi.provisioning.runner-enabled", "false", "hoinghi.meet.app-secret", APP_SECRET,
                "micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void load() {
        FakeFleet.reset();
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
        anonymous = Api.anonymous(client.toBlocking());
        start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        BookingRequest r = new BookingRequest("Giao ban trực tuyến", null, "BTP", start.atOffset(ZoneOffset.UTC)
                .toString(), start.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString(), null, null, null,
                List.of(new BookingRequest.Invite("STP-HNI", null, "BROWSER", null),
                        new BookingRequest.Invite("THADS-HNI-KV01", "VIEWER", "BROWSER", null),
                        new BookingRequest.Invite("STP-HPG", "VIEWER", "ROOM_SYSTEM", null)), null);
        var resp = secretariat.send(HttpRequest.POST("/api/v1/meetings", r), Booking.class);
        assertThat(resp.code()).isEqualTo(201);
        meetingId = resp.body().first().id();
    }

    private String path(String site) {
        List<JoinLinks.SiteLink> links = secretariat.send(HttpRequest.GET("/api/v1/meetings/" + meetingId + "/links"),
                Argument.listOf(JoinLinks.SiteLink.class)).body();
        return links.stream().filter(l -> l.site().equals(site)).findFirst().orElseThrow().path();
    }

    @Test
    void aLinkOpensOnlyInsideTheMeetingWindowAndMintsAJwtSpanningIt() throws Exception {
        String link = path("STP-HNI");
        assertThat(path("STP-HNI")).as("stable").isEqualTo(link);

        FakeFleet.CLOCK.set(start.minus(Duration.ofMinutes(30)));
        var early = anonymous.text(HttpRequest.GET(link));
        assertThat(early.code()).isEqualTo(403);
        assertThat(early.body()).contains("not-open-yet", "Phòng họp mở lúc");

        FakeFleet.CLOCK.set(start.minus(Duration.ofMinutes(10)));
        var open = anonymous.text(HttpRequest.GET(link));
        assertThat(open.code()).isEqualTo(302);
        String location = open.header(HttpHeaders.LOCATION);
        assertThat(location).startsWith("https://meet.hoinghi.local/hn" + meetingId + "#jwt=")
                .contains("config.defaultLanguage=%22vi%22").doesNotContain("prejoinConfig");
        assertThat(open.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        String jwt = location.substring(location.indexOf("#jwt=") + 5, location.indexOf('&'));
        SignedJWT token = SignedJWT.parse(jwt);
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(token.verify(new MACVerifier(APP_SECRET.getBytes()))).isTrue();
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("hoinghi");
        assertThat(claims.getSubject()).isEqualTo("meet.hoinghi.local");
        assertThat(claims.getAudience()).containsExactly("jitsi");
        assertThat(claims.getStringClaim("room")).isEqualTo("hn" + meetingId);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(start.minus(Duration.ofMinutes(15)));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(75)));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) claims.getJSONObjectClaim("context").get("user");
        assertThat(user).containsEntry("id", "STP-HNI").containsEntry("name", "Sở Tư pháp Hà Nội")
                .as("interactive: Jitsi Meet must not ask for a visitor node").doesNotContainKey("role");

        FakeFleet.CLOCK.set(start.plus(Duration.ofMinutes(80)));
        assertThat(anonymous.text(HttpRequest.GET(link)).code()).as("after end + grace").isEqualTo(410);
    }

    /**
     * Jitsi Meet turns {@code context.user.role = "visitor"} into the ConferenceIq property {@code visitor=true}
     * (orchestrator README, "Viewers' join links"); the claim is inside the signed token, so it is checked there.
     */
    @Test
    void aViewersTokenSaysVisitorAndNoOtherDoes() throws Exception {
        FakeFleet.CLOCK.set(start);
        assertThat(contextUser("THADS-HNI-KV01")).containsEntry("id", "THADS-HNI-KV01")
                .containsEntry("role", "visitor");
        assertThat(contextUser("STP-HNI")).as("interactive").doesNotContainKey("role");
        assertThat(contextUser("STP-HPG")).as("a room system is dialled into the main room; its link stays there")
                .containsEntry("id", "STP-HPG").doesNotContainKey("role");
    }

    /** Opens the site's link and returns the verified token's {@code context.user}. */
    private Map<String, Object> contextUser(String site) throws Exception {
        var open = anonymous.text(HttpRequest.GET(path(site)));
        assertThat(open.code()).isEqualTo(302);
        String location = open.header(HttpHeaders.LOCATION);
        SignedJWT token = SignedJWT.parse(location.substring(location.indexOf("#jwt=") + 5, location.indexOf('&')));
        assertThat(token.getHeader().getAlgorithm().getName()).as("one algorithm, always").isEqualTo("HS256");
        assertThat(token.verify(new MACVerifier(APP_SECRET.getBytes()))).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) token.getJWTClaimsSet().getJSONObjectClaim("context")
                .get("user");
        return user;
    }

    @Test
    void eachSiteGetsSettingsForItsOwnNetwork() {
        FakeFleet.CLOCK.set(start);
        var site = secretariat.send(HttpRequest.GET("/api/v1/sites/THADS-HNI-KV01"),
                vn.hoinghi.orchestrator.sites.Site.class).body();
        String location = anonymous.text(HttpRequest.GET(path("THADS-HNI-KV01"))).header(HttpHeaders.LOCATION);
        assertThat(location).endsWith(NetworkTuning.fragment(site.network()));
    }

    @Test
    void weakLinksGetLowResolutionFewerVideosAndAudioFirst() {
        var adsl = NetworkTuning.fragment(new vn.hoinghi.orchestrator.sites.Site.NetworkProfile(1024, 512,
                vn.hoinghi.orchestrator.sites.NetworkKind.INTERNET));
        assertThat(adsl).contains("config.resolution=180", "config.channelLastN=4", "codecPreferenceOrder")
                .doesNotContain("startAudioOnly");
        var weaker = NetworkTuning.fragment(new vn.hoinghi.orchestrator.sites.Site.NetworkProfile(768, 256,
                vn.hoinghi.orchestrator.sites.NetworkKind.INTERNET));
        assertThat(weaker).contains("config.startAudioOnly=true", "config.channelLastN=2");
        var wan = NetworkTuning.fragment(new vn.hoinghi.orchestrator.sites.Site.NetworkProfile(20_000, 20_000,
                vn.hoinghi.orchestrator.sites.NetworkKind.GOV_WAN));
        assertThat(wan).contains("config.resolution=720").doesNotContain("channelLastN");
    }

    @Test
    void rotatingALinkStopsTheOldOneAtOnce() {
        FakeFleet.CLOCK.set(start);
        String old = path("STP-HNI");
        var rotated = secretariat.send(HttpRequest.POST("/api/v1/meetings/" + meetingId + "/links/STP-HNI/rotate", ""),
                JoinLinks.SiteLink.class);
        assertThat(rotated.code()).isEqualTo(200);
        assertThat(anonymous.text(HttpRequest.GET(old)).code()).isEqualTo(404);
        assertThat(anonymous.text(HttpRequest.GET(rotated.body().path())).code()).isEqualTo(302);
        assertThat(anonymous.text(HttpRequest.GET("/j/not-a-real-token-but-long-enough-000000")).code()).isEqualTo(404);
    }
}
