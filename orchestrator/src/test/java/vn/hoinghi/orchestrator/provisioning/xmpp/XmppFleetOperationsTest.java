package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.fleet.FleetController.Node;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/**
 * Operator states of the fleet (cordon, drain, disable) through the API: stored, audited, kept across a restart,
 * seen by a second orchestrator on the same database, and a drained bridge turning DISABLED by itself. The whole
 * application (HTTP included) on a real Prosody, with a JVB publishing as jicoco's MUC client does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppFleetOperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private ProsodyServer prosody;
    private String url;
    private FakeBreweryMember jvb;
    private volatile int conferences = 2;
    private final List<EmbeddedServer> servers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("hoinghi@" + ProsodyServer.AUTH, "jvb@" + ProsodyServer.AUTH));
        url = TestPostgres.freshDatabase(XmppFleetOperationsTest.class);
        jvb = new FakeBreweryMember(prosody, "jvb", "JvbBrewery@" + ProsodyServer.INTERNAL, "jvb1");
        jvb.every(Duration.ofMillis(500), () -> FakeBreweryMember.stats(Map.of("stress_level", 0.2,
                "conferences", conferences, "participants", 10 * conferences, "region", "NORTH")));
    }

    @AfterAll
    void stop() throws Exception {
        servers.stream().filter(EmbeddedServer::isRunning).forEach(EmbeddedServer::close);
        jvb.close();
        prosody.close();
    }

    /** One orchestrator process: its own XMPP resource, the shared database, a free HTTP port. */
    private EmbeddedServer orchestrator(String resource) throws InterruptedException {
        Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
        p.putAll(TestClients.orchestratorProperties(prosody));
        p.put("test.hand-clock", false);
        p.put("hoinghi.xmpp.resource", resource);
        p.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p);
        servers.add(server);
        server.getApplicationContext().getBean(Fixtures.class).ministryWithUsers();
        assertThat(server.getApplicationContext().getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10)))
                .isTrue();
        return server;
    }

    private static Api operator(EmbeddedServer server) {
        return Api.login(HttpClient.create(server.getURL()).toBlocking(), "vanhanh", Fixtures.PASSWORD);
    }

    private static Status status(Api api, String id) {
        return api.send(HttpRequest.GET("/api/v1/fleet"), Argument.listOf(Node.class)).body().stream()
                .filter(n -> n.id().equals(id)).map(Node::status).findFirst().orElse(null);
    }

    private static List<String> audited(EmbeddedServer server, String id) {
        // Operator states only: the bridge's drain calls (fleet.drain) are XmppBridgeDrainTest's.
        return server.getApplicationContext().getBean(AuditLog.class).history("media-node", id).stream()
                .filter(r -> r.action().equals("fleet.status")).map(r -> r.actor() + " " + r.beforeJson() + " -> " + r.afterJson()).toList();
    }

    @Test
    void operatorStatesAreStoredAuditedKeptAcrossARestartAndSharedByEveryOrchestrator() throws Exception {
        EmbeddedServer first = orchestrator("orchestrator_a");
        Api api = operator(first);
        assertThat(eventually(WAIT, () -> status(api, "jvb1") == Status.ENABLED)).isTrue();
        var cordoned = api.send(HttpRequest.POST("/api/v1/fleet/jvb1/status", Map.of("status", "CORDONED")),
                Argument.listOf(Node.class));
        assertThat(cordoned.code()).isEqualTo(200);
        assertThat(cordoned.body()).extracting(Node::status).containsExactly(Status.CORDONED);
        assertThat(audited(first, "jvb1")).containsExactly(
                "vanhanh {\"status\":\"ENABLED\"} -> {\"status\":\"CORDONED\"}");

        // A restart: the new process reads the cordon from the database, whatever the bridge publishes.
        first.close();
        EmbeddedServer second = orchestrator("orchestrator_a");
        Api again = operator(second);
        assertThat(eventually(WAIT, () -> status(again, "jvb1") == Status.CORDONED))
                .as("kept across the restart").isTrue();

        // A second orchestrator beside it sees what an operator sets through the first (re-read every 5 s).
        EmbeddedServer third = orchestrator("orchestrator_b");
        Api beside = operator(third);
        assertThat(eventually(WAIT, () -> status(beside, "jvb1") == Status.CORDONED)).isTrue();
        assertThat(again.send(HttpRequest.POST("/api/v1/fleet/jvb1/status", Map.of("status", "DRAINING")),
                Argument.listOf(Node.class)).body()).extracting(Node::status).containsExactly(Status.DRAINING);
        assertThat(eventually(WAIT, () -> status(beside, "jvb1") == Status.DRAINING)).isTrue();

        // Its last conference ends: the drained bridge is DISABLED, once, by the system, on both.
        conferences = 0;
        assertThat(eventually(WAIT, () -> status(again, "jvb1") == Status.DISABLED
                && status(beside, "jvb1") == Status.DISABLED)).as("drained").isTrue();
        assertThat(audited(second, "jvb1")).as("newest first").containsExactly(
                "system {\"status\":\"DRAINING\"} -> {\"status\":\"DISABLED\","
                        + "\"reason\":\"drained: JVB reports 0 conferences\"}",
                "vanhanh {\"status\":\"CORDONED\"} -> {\"status\":\"DRAINING\"}",
                "vanhanh {\"status\":\"ENABLED\"} -> {\"status\":\"CORDONED\"}");
        assertThat(operator(third).send(HttpRequest.POST("/api/v1/fleet/jvb1/status", Map.of("status", "LOST")),
                Argument.listOf(Node.class)).code()).isEqualTo(400);
    }
}
