package vn.hoinghi.orchestrator.readiness;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
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

/** A unit's readiness check is stored on its site, kept to its own subtree, and shown to operators. */
@MicronautTest(transactional = false)
class BrowserReadinessTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api unit;
    Api operator;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        unit = Api.login(client.toBlocking(), "stp-hni", Fixtures.PASSWORD);
        operator = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
    }

    @Test
    void aUnitsCheckIsStoredAndOperatorsSeeIt() {
        var probe = unit.send(HttpRequest.GET("/api/v1/readiness/probe?kb=64"), byte[].class);
        assertThat(probe.body()).hasSize(64 * 1024);
        assertThat(probe.getHeaders().get("Cache-Control")).isEqualTo("no-store");
        assertThat(unit.text(HttpRequest.GET("/api/v1/readiness/meet")).body()).contains("https://");

        var saved = unit.text(HttpRequest.POST("/api/v1/sites/STP-HNI/browser-readiness", Map.of("camera", true,
                "microphone", false, "downloadKbps", 3200, "meetReachable", true, "verdict", "bad")));
        assertThat(saved.code()).as(saved.body()).isEqualTo(201);
        var all = operator.send(HttpRequest.GET("/api/v1/browser-readiness"), Argument.listOf(BrowserReadiness.class)).body();
        assertThat(all).singleElement().satisfies(r -> {
            assertThat(r.site()).isEqualTo("STP-HNI");
            assertThat(r.microphone()).isFalse();
            assertThat(r.downloadKbps()).isEqualTo(3200);
            assertThat(r.verdict()).isEqualTo("BAD");
            assertThat(r.checkedBy()).isEqualTo("stp-hni");
        });
    }

    @Test
    void aUnitCannotReportForAnotherUnitNorSendNonsense() {
        assertThat(unit.text(HttpRequest.POST("/api/v1/sites/STP-HCM/browser-readiness",
                Map.of("camera", true, "microphone", true))).code()).isEqualTo(403);
        var bad = unit.text(HttpRequest.POST("/api/v1/sites/STP-HNI/browser-readiness",
                Map.of("camera", true, "microphone", true, "verdict", "GREAT")));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body()).contains("verdict");
        assertThat(unit.text(HttpRequest.GET("/api/v1/readiness/probe?kb=999999")).code()).isEqualTo(400);
    }
}
