package vn.hoinghi.orchestrator.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Through HTTP: the wall's quality routes need a login, and a collector that is away is a plain 503 problem. */
@MicronautTest(transactional = false)
class LiveQualityRouteTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Map.of("hoinghi.collector.url", "http://127.0.0.1:" + s.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOperatorIsToldTheCollectorDoesNotAnswer() {
        fixtures.ministryWithUsers();
        Api operator = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
        for (String path : new String[] {"/api/v1/meetings/7/quality/summary", "/api/v1/meetings/7/quality/live"}) {
            HttpResponse<String> r = operator.text(HttpRequest.GET(path));
            assertThat(r.code()).as(path).isEqualTo(503);
            assertThat(r.getContentType().map(Object::toString)).as(path).hasValue("application/problem+json");
            assertThat(r.body()).as(path).contains("collector-unavailable").contains("không trả lời");
            assertThat(Api.anonymous(client.toBlocking()).text(HttpRequest.GET(path)).code()).as(path).isEqualTo(401);
        }
    }
}
