package vn.hoinghi.orchestrator.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser session: who am I (GET /api/v1/me) and logging out (POST /logout clears the JWT cookie). */
@MicronautTest(transactional = false)
class SessionTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;

    @BeforeAll
    void users() {
        fixtures.ministryWithUsers();
    }

    @Test
    void meNamesTheUserTheRoleAndAUnitOperatorsSite() {
        var thuky = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD)
                .text(HttpRequest.GET("/api/v1/me"));
        assertThat(thuky.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(thuky.body()).contains("\"username\":\"thuky\"", "\"displayName\":\"Thư ký\"",
                "\"roles\":[\"SECRETARIAT\"]").doesNotContain("siteCode\":\"");

        var unit = Api.login(client.toBlocking(), "stp-hni", Fixtures.PASSWORD).text(HttpRequest.GET("/api/v1/me"));
        assertThat(unit.body()).contains("\"roles\":[\"UNIT_OPERATOR\"]", "\"siteCode\":\"STP-HNI\"");
    }

    @Test
    void meWithoutLoginIs401() {
        var r = Api.anonymous(client.toBlocking()).text(HttpRequest.GET("/api/v1/me"));
        assertThat(r.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void logoutExpiresTheJwtCookie() {
        String token = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD).token();
        var r = Api.anonymous(client.toBlocking()).text(HttpRequest.POST("/logout", Map.of())
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Cookie", "JWT=" + token));
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(r.getHeaders().getAll("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("JWT=;").contains("Max-Age=0", "HTTPOnly", "Secure"));
    }

    @Test
    void loggingOutEndsEveryEarlierTokenOfThatUserButNotOthersOrALaterLogin() throws Exception {
        var browser = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
        var copied = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
        var someoneElse = Api.login(client.toBlocking(), "quansat", Fixtures.PASSWORD);
        assertThat(copied.text(HttpRequest.GET("/api/v1/me")).code()).isEqualTo(HttpStatus.OK.getCode());
        // JWT issue times have whole seconds and a token from the logout's own second is honoured: step past it
        long second = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 == second) {
            Thread.sleep(20);
        }
        var out = Api.anonymous(client.toBlocking()).text(HttpRequest.POST("/logout", Map.of())
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Cookie", "JWT=" + browser.token()));
        assertThat(out.code()).isEqualTo(HttpStatus.OK.getCode());

        assertThat(copied.text(HttpRequest.GET("/api/v1/me")).code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(browser.text(HttpRequest.GET("/api/v1/me")).code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(someoneElse.text(HttpRequest.GET("/api/v1/me")).code()).isEqualTo(HttpStatus.OK.getCode());
        var again = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
        assertThat(again.text(HttpRequest.GET("/api/v1/me")).code()).isEqualTo(HttpStatus.OK.getCode());
    }
}
