package vn.hoinghi.orchestrator.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class LoginTest extends DatabaseTest {
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
    void aGoodPasswordGivesAnHttpOnlySecureStrictCookie() {
        var r = Api.anonymous(client.toBlocking()).text(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", Fixtures.PASSWORD)));
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        String cookie = r.getHeaders().get("Set-Cookie");
        assertThat(cookie).startsWith("JWT=").contains("HTTPOnly", "Secure", "SameSite=Strict");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefused() {
        var api = Api.anonymous(client.toBlocking());
        assertThat(api.text(HttpRequest.POST("/login", Map.of("username", "admin", "password", "nope"))).code())
                .isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(api.text(HttpRequest.POST("/login", Map.of("username", "ghost", "password", "nope"))).code())
                .isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void tokensWithAlgNoneOrAnotherKeyAreRefused() {
        Api admin = Api.login(client.toBlocking(), "admin", Fixtures.PASSWORD);
        String[] parts = admin.token().split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = noneHeader + "." + parts[1] + ".";
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        for (String token : new String[]{unsigned, forged}) {
            var r = Api.anonymous(client.toBlocking()).text(HttpRequest.GET("/api/v1/sites").bearerAuth(token));
            assertThat(r.code()).as(token).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        }
        assertThat(admin.text(HttpRequest.GET("/api/v1/sites")).code()).isEqualTo(HttpStatus.OK.getCode());
    }
}
