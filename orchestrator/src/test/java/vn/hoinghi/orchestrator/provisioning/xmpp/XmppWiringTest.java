package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.provisioning.ConferenceControl;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/**
 * The whole application with {@code hoinghi.xmpp.enabled=true} against a real Prosody: the XMPP beans win over
 * the disconnected fallbacks, {@code /health} reports the connection, and the fleet API reads and sets states.
 */
@MicronautTest(transactional = false)
class XmppWiringTest extends DatabaseTest {
    private static ProsodyServer prosody;
    private FakeBreweryMember bridge;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    ConferenceControl control;
    @Inject
    FleetRegistry fleet;
    @Inject
    XmppSession session;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            prosody = ProsodyServer.start(List.of("hoinghi@" + ProsodyServer.AUTH, "jvb@" + ProsodyServer.AUTH));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Prosody", e);
        }
        return TestClients.orchestratorProperties(prosody);
    }

    @BeforeAll
    void setUp() throws Exception {
        fixtures.ministryWithUsers();
        assertThat(session.awaitLogin(Duration.ofSeconds(10))).isTrue();
        bridge = new FakeBreweryMember(prosody, "jvb", "JvbBrewery@" + ProsodyServer.INTERNAL, "jvb7");
        bridge.publish(FakeBreweryMember.stats(Map.of("stress_level", 0.4, "region", "SOUTH")));
    }

    @AfterAll
    void tearDown() throws Exception {
        bridge.close();
        prosody.close();
    }

    @Test
    void xmppBeansWinWhenEnabled() {
        assertThat(control).isInstanceOf(XmppConferenceControl.class);
        assertThat(fleet).isInstanceOf(BreweryFleetRegistry.class);
    }

    @Test
    void healthShowsTheXmppConnectionToLoggedInUsers() {
        Api admin = Api.login(client.toBlocking(), "admin", Fixtures.PASSWORD);
        HttpResponse<String> r = admin.text(HttpRequest.GET("/health"));
        assertThat(r.body()).contains("\"xmpp\"").contains("UP").doesNotContain(ProsodyServer.PASSWORD);
    }

    @Test
    void theFleetApiListsBreweryMembersAndOperatorsCordonThem() throws Exception {
        Api observer = Api.login(client.toBlocking(), "quansat", Fixtures.PASSWORD);
        assertThat(eventually(Duration.ofSeconds(5),
                () -> observer.text(HttpRequest.GET("/api/v1/fleet")).body().contains("\"jvb7\""))).isTrue();
        assertThat(observer.text(HttpRequest.GET("/api/v1/fleet")).body()).contains("\"SOUTH\"");

        HttpResponse<String> denied = observer.text(HttpRequest.POST("/api/v1/fleet/jvb7/status",
                Map.of("status", "CORDONED")));
        assertThat(denied.code()).isEqualTo(403);

        Api operator = Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
        HttpResponse<String> ok = operator.text(HttpRequest.POST("/api/v1/fleet/jvb7/status",
                Map.of("status", "CORDONED")));
        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.body()).contains("\"CORDONED\"");
        assertThat(operator.text(HttpRequest.POST("/api/v1/fleet/jvb7/status", Map.of("status", "LOST"))).code())
                .isEqualTo(400);
        HttpResponse<String> unknown = operator.text(HttpRequest.POST("/api/v1/fleet/nobody/status",
                Map.of("status", "DISABLED")));
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.body()).contains("fleet-node-unknown").contains("Không có nút media");
    }
}
