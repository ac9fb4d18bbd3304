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
import vn.hoinghi.orchestrator.fleet.BridgeDrains.Outcome;
import vn.hoinghi.orchestrator.fleet.FleetController.Node;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/**
 * An operator's cordon reaches the bridge: the whole application (HTTP included) on a real Prosody and a real
 * PostgreSQL, with a JVB in the brewery whose private drain REST ({@link FakeJvbRest}, paths and answers as
 * jitsi-videobridge's Drain.java) sets the {@code drain} stat its presence publishes, as the real bridge does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppBridgeDrainTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BRIDGE = "jvb-north-1";
    private static final String UNCONFIGURED = "jvb-north-2";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final String ENABLE = "POST /colibri/drain/enable";
    private static final String DISABLE = "POST /colibri/drain/disable";
    private ProsodyServer prosody;
    private FakeJvbRest rest;
    private FakeBreweryMember jvb1;
    private FakeBreweryMember jvb2;
    private EmbeddedServer server;
    private Api api;

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("hoinghi@" + ProsodyServer.AUTH, "jvb@" + ProsodyServer.AUTH));
        String url = TestPostgres.freshDatabase(XmppBridgeDrainTest.class);
        rest = new FakeJvbRest();
        String brewery = "JvbBrewery@" + ProsodyServer.INTERNAL;
        jvb1 = new FakeBreweryMember(prosody, "jvb", brewery, BRIDGE);
        jvb1.every(Duration.ofMillis(300), () -> FakeBreweryMember.stats(Map.of("stress_level", 0.2,
                "conferences", 1, "participants", 10, "region", "NORTH", "drain", rest.drain())));
        // A bridge whose REST URL HoiNghi was not given.
        jvb2 = new FakeBreweryMember(prosody, "jvb", brewery, UNCONFIGURED);
        jvb2.every(Duration.ofMillis(300), () -> FakeBreweryMember.stats(Map.of("stress_level", 0.2,
                "conferences", 1, "participants", 10, "region", "NORTH", "drain", false)));

        Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
        p.putAll(TestClients.orchestratorProperties(prosody));
        p.put("test.hand-clock", false);
        p.put("micronaut.server.port", -1);
        // A key with hyphens, as Ansible writes them (the brewery nick is the key).
        p.put("hoinghi.bridge-drain.rest-urls." + BRIDGE, rest.url());
        p.put("hoinghi.bridge-drain.timeout", "1s");
        p.put("hoinghi.bridge-drain.retry-after", RETRY_AFTER.toMillis() + "ms");
        p.put("hoinghi.bridge-drain.reconcile-interval", "100ms");
        server = ApplicationContext.run(EmbeddedServer.class, p);
        server.getApplicationContext().getBean(Fixtures.class).ministryWithUsers();
        assertThat(server.getApplicationContext().getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10)))
                .isTrue();
        api = Api.login(HttpClient.create(server.getURL()).toBlocking(), "vanhanh", Fixtures.PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        jvb1.close();
        jvb2.close();
        rest.close();
        prosody.close();
    }

    private Node node(String id) {
        return api.send(HttpRequest.GET("/api/v1/fleet"), Argument.listOf(Node.class)).body().stream()
                .filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    private boolean shows(String id, boolean draining, Outcome outcome) {
        Node n = node(id);
        return n != null && n.draining() == draining && n.drain() != null && n.drain().outcome() == outcome;
    }

    private Node set(String id, Status status) {
        var answer = api.send(HttpRequest.POST("/api/v1/fleet/" + id + "/status", Map.of("status", status.name())),
                Argument.listOf(Node.class));
        assertThat(answer.code()).isEqualTo(200);
        return answer.body().get(0);
    }

    /** The bridge's drain audit entries, newest first, as "actor outcome drain=…". */
    private List<String> drainAudit(String id) {
        Pattern outcome = Pattern.compile("\"drain\":(true|false).*\"outcome\":\"([A-Z_]+)\"");
        return server.getApplicationContext().getBean(AuditLog.class).history("media-node", id).stream()
                .filter(r -> r.action().equals("fleet.drain")).map(r -> {
                    Matcher m = outcome.matcher(r.afterJson());
                    return m.find() ? r.actor() + " " + m.group(2) + " drain=" + m.group(1) : r.afterJson();
                }).toList();
    }

    private static void settle() throws InterruptedException {
        // Longer than retry-after plus a few presence intervals: a needless repeat would have gone out by now.
        Thread.sleep(RETRY_AFTER.multipliedBy(2).toMillis());
    }

    @Test
    void aCordonReachesTheBridgeIsRetriedWhileItIsDownAndReappliedAfterItRestarts() throws Exception {
        assertThat(eventually(WAIT, POLL, () -> node(BRIDGE) != null && node(BRIDGE).status() == Status.ENABLED
                && node(UNCONFIGURED) != null)).isTrue();
        assertThat(node(BRIDGE).drain()).as("nothing done yet").isNull();

        // Cordon: one enable, and the bridge publishes drain=true (what Jicofo's selector reads).
        assertThat(set(BRIDGE, Status.CORDONED).status()).isEqualTo(Status.CORDONED);
        assertThat(eventually(WAIT, POLL, () -> shows(BRIDGE, true, Outcome.APPLIED))).as("drained").isTrue();
        settle();
        assertThat(rest.calls()).containsExactly(ENABLE);

        // Enabled again: one disable.
        set(BRIDGE, Status.ENABLED);
        assertThat(eventually(WAIT, POLL, () -> shows(BRIDGE, false, Outcome.APPLIED))).as("undrained").isTrue();
        settle();
        assertThat(rest.calls()).containsExactly(ENABLE, DISABLE);

        // The REST is down: the cordon is stored and shown, the failure is visible and audited once.
        rest.down();
        assertThat(set(BRIDGE, Status.CORDONED).status()).isEqualTo(Status.CORDONED);
        assertThat(eventually(WAIT, POLL, () -> shows(BRIDGE, false, Outcome.FAILED))).as("failure shown").isTrue();
        assertThat(node(BRIDGE).drain().reason()).startsWith(ENABLE + " failed:");
        settle();
        assertThat(node(BRIDGE).status()).isEqualTo(Status.CORDONED);
        assertThat(drainAudit(BRIDGE)).as("retries are not audited").containsExactly(
                "vanhanh FAILED drain=true", "vanhanh APPLIED drain=false", "vanhanh APPLIED drain=true");

        // Back: the reconcile sends it again, and the bridge drains.
        rest.restart();
        assertThat(eventually(WAIT, POLL, () -> shows(BRIDGE, true, Outcome.APPLIED))).as("applied on return").isTrue();
        assertThat(rest.count(ENABLE)).isEqualTo(2);

        // The bridge restarts while cordoned and comes back with drain=false: enable again.
        settle();
        rest.restart();
        assertThat(eventually(WAIT, POLL, () -> rest.count(ENABLE) == 3 && shows(BRIDGE, true, Outcome.APPLIED)))
                .as("re-drained after a restart").isTrue();
        settle();
        assertThat(rest.count(ENABLE)).isEqualTo(3);
        assertThat(node(BRIDGE).drain().reason()).isEqualTo("re-sent: the bridge published drain=false");
        assertThat(drainAudit(BRIDGE)).containsExactly("system APPLIED drain=true", "system APPLIED drain=true",
                "vanhanh FAILED drain=true", "vanhanh APPLIED drain=false", "vanhanh APPLIED drain=true");

        // No REST URL for the second bridge: cordoned in HoiNghi, and the node says the bridge was not told.
        assertThat(set(UNCONFIGURED, Status.CORDONED).status()).isEqualTo(Status.CORDONED);
        assertThat(eventually(WAIT, POLL, () -> shows(UNCONFIGURED, false, Outcome.NOT_CONFIGURED))).isTrue();
        assertThat(node(UNCONFIGURED).drain().reason()).contains("hoinghi.bridge-drain.rest-urls." + UNCONFIGURED);
        assertThat(drainAudit(UNCONFIGURED)).containsExactly("vanhanh NOT_CONFIGURED drain=true");
    }
}
