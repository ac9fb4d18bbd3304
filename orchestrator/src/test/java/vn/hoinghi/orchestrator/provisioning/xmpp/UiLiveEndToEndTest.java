package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.audit.AuditRecord;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.PersistedOperatorStates;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.support.CollectorProcess;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;
import vn.hoinghi.orchestrator.ui.E2eScript;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/**
 * Issue 12's live end to end: every real part at once. Prosody with the protocol fakes (Jicofo, Jigasi, a JVB in
 * its brewery), the whole orchestrator over HTTP (its meeting made LIVE by the job runner on the hand clock), the
 * telemetry collector's shaded jar as a process on its own embedded PostgreSQL attributing participants through
 * this orchestrator ({@code attribution.mode = http}), and scheduler-ui/e2e/live.mjs in Debian's Chromium: the
 * wall shows the joined site in the roll-call and its quality turning from good to bad as a replayed rtcstats
 * stream (e2e/rtcstats.mjs) says so; the operator cordons the bridge on the fleet page. Afterwards the cordon is
 * checked where it lives: the stored state, the audit log and the registry built from the brewery presence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiLiveEndToEndTest {
    private static final String KEY = "e2e-collector-service-key-0123456789";
    private static final String SITE = "STP-HNI";
    private static final String BRIDGE = "jvb1";
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private FakeBreweryMember jvb;
    private EmbeddedServer server;
    private CollectorProcess collector;
    private ParticipantCrowd crowd;

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.startWithCrowd(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "jvb@" + ProsodyServer.AUTH));
        jigasi = new FakeJigasi(prosody, 4);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        jvb = new FakeBreweryMember(prosody, "jvb", "JvbBrewery@" + ProsodyServer.INTERNAL, BRIDGE);
        jvb.every(Duration.ofMillis(500), () -> FakeBreweryMember.stats(Map.of("stress_level", 0.2,
                "conferences", 1, "participants", 1, "region", "NORTH")));
        // Both ports are taken first: the collector (up in ~10 s, started first to overlap the orchestrator's
        // boot) asks this orchestrator who an endpoint is, and the orchestrator passes the collector's feed on.
        int httpPort = CollectorProcess.freePort();
        int collectorPort = CollectorProcess.freePort();
        collector = CollectorProcess.launch("http://127.0.0.1:" + httpPort, KEY, collectorPort);
        Map<String, Object> p = new HashMap<>(HandDriver.properties(TestPostgres.freshDatabase(UiLiveEndToEndTest.class)));
        p.putAll(TestClients.orchestratorProperties(prosody));
        p.put("micronaut.server.port", httpPort);
        p.put("hoinghi.service-keys.collector", KEY);
        p.put("hoinghi.collector.url", "http://127.0.0.1:" + collectorPort);
        server = ApplicationContext.run(EmbeddedServer.class, p);
        server.getApplicationContext().getBean(Fixtures.class).ministryWithUsers();
        assertThat(server.getApplicationContext().getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(20)))
                .as(prosody.log()).isTrue();
        collector.awaitHealthy(Duration.ofSeconds(60));
        crowd = new ParticipantCrowd(prosody);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {crowd, collector, server, jvb, jicofo, jigasi, prosody}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void anOperatorWatchesALiveMeetingTurnBadAndCordonsABridgeInChromium() throws Exception {
        HandDriver run = new HandDriver(server.getApplicationContext());
        // The meeting starts on the current minute: the clock is moved back for the booking, then through T-15
        // (READY) to the start (LIVE), and ends on real time, so what the page shows is today's.
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        FakeFleet.CLOCK.set(start.minus(Duration.ofHours(2)));
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite(SITE, "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "BROWSER", null)));
        run.at(start.minus(Duration.ofMinutes(15)));
        run.at(start);
        assertThat(run.meeting(id).status()).as(run.transitions(id).toString()).isEqualTo(MeetingStatus.LIVE);
        FakeFleet.CLOCK.set(Instant.now());

        String room = RoomNames.of(id);
        crowd.join(room, 0, SITE, "Sở Tư pháp Hà Nội");
        assertThat(eventually(Duration.ofSeconds(10), () -> run.state(id, SITE) == RollCall.State.PRESENT))
                .as("roll-call").isTrue();

        // What the collector will ask (README "Attribution"); asked here first so a refusal shows as itself.
        var attribution = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.getURL() + "/api/v1/attribution/" + room + "/" + ParticipantCrowd.endpoint(0)))
                        .header("X-HoiNghi-Service-Key", KEY).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(attribution.body()).as("HTTP " + attribution.statusCode()).contains("\"siteCode\":\"" + SITE + "\"");

        String output = E2eScript.run("live.mjs", Duration.ofSeconds(90), List.of("--experimental-websocket"),
                "http://localhost:" + server.getPort(), String.valueOf(id), room, String.valueOf(collector.port()),
                ParticipantCrowd.endpoint(0), SITE, BRIDGE, Fixtures.PASSWORD);
        assertThat(output).as(collector.log()).contains("OK: live wall and cordon passed");

        var ctx = server.getApplicationContext();
        assertThat(ctx.getBean(PersistedOperatorStates.class).all()).containsEntry(BRIDGE, MediaNode.Status.CORDONED);
        assertThat(ctx.getBean(AuditLog.class).history("media-node", BRIDGE))
                .filteredOn(r -> r.action().equals("fleet.status")).extracting(r -> r.actor()
                + " " + r.beforeJson() + " -> " + r.afterJson())
                .containsExactly("vanhanh {\"status\":\"ENABLED\"} -> {\"status\":\"CORDONED\"}");
        // No REST URL is configured for this bridge here: the cordon says the bridge itself was not told.
        assertThat(ctx.getBean(AuditLog.class).history("media-node", BRIDGE))
                .filteredOn(r -> r.action().equals("fleet.drain")).extracting(AuditRecord::afterJson)
                .anySatisfy(after -> assertThat(after).contains("\"outcome\":\"NOT_CONFIGURED\""));
        // Cordoned keeps its meetings: still in its brewery, still publishing, not LOST.
        assertThat(ctx.getBean(FleetRegistry.class).nodes()).filteredOn(n -> n.id().equals(BRIDGE))
                .extracting(MediaNode::status).containsExactly(MediaNode.Status.CORDONED);
    }
}
