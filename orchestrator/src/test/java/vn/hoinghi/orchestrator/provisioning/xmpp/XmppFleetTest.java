package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.health.HealthStatusPacketExt;
import org.jitsi.xmpp.extensions.jibri.JibriBusyStatusPacketExt;
import org.jitsi.xmpp.extensions.jibri.JibriStatusPacketExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Kind;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;
import vn.hoinghi.orchestrator.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/** The live fleet from real brewery MUCs on Prosody, with fake JVB/Jigasi/Jibri members and a hand-moved clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppFleetTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
    private ProsodyServer prosody;
    private XmppSession session;
    private BreweryFleetRegistry fleet;
    private FakeBreweryMember jvb;
    private FakeBreweryMember jigasi;
    private FakeBreweryMember jibri;
    /** What the registry reported as lost, as "id why". */
    private final List<String> lost = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("hoinghi@" + ProsodyServer.AUTH, "jvb@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "jibri@" + ProsodyServer.AUTH));
        XmppConfig config = TestClients.orchestratorConfig(prosody);
        // The sweep is driven by hand on the fake clock; keep the real timer out of the way.
        config.setStatsInterval(Duration.ofSeconds(5));
        session = new XmppSession(config);
        fleet = new BreweryFleetRegistry(session, (node, why) -> lost.add(node.id() + " " + why), clock);
        assertThat(session.awaitLogin(Duration.ofSeconds(10))).isTrue();
        String internal = "@" + ProsodyServer.INTERNAL;
        jvb = new FakeBreweryMember(prosody, "jvb", "JvbBrewery" + internal, "jvb1");
        jigasi = new FakeBreweryMember(prosody, "jigasi", "JigasiBrewery" + internal, "jigasi1");
        jibri = new FakeBreweryMember(prosody, "jibri", "JibriSipBrewery" + internal, "jibri1");
    }

    @AfterAll
    void stop() throws Exception {
        jvb.close();
        jigasi.close();
        jibri.close();
        fleet.close();
        session.close();
        prosody.close();
    }

    private Optional<MediaNode> node(Kind kind, String id) {
        return fleet.nodes().stream().filter(n -> n.kind() == kind && n.id().equals(id)).findFirst();
    }

    private void bridgeStats(String stress) throws Exception {
        jvb.publish(FakeBreweryMember.stats(Map.of("stress_level", stress, "conferences", 3, "participants", 41,
                "region", "NORTH", "version", "2.3.160", "drain", false, "graceful_shutdown", false,
                "bit_rate_download", 12000, "packet_rate_download", 9000)));
    }

    @Test
    void readsStatsOfEveryKindAndLosesASilentBridge() throws Exception {
        bridgeStats("0.31");
        jigasi.publish(FakeBreweryMember.stats(Map.of("conferences", 1, "participants", 2, "stress_level", 0.1,
                "supports_sip", true, "version", "1.1")));
        JibriStatusPacketExt status = new JibriStatusPacketExt();
        JibriBusyStatusPacketExt busy = new JibriBusyStatusPacketExt();
        busy.setStatus(JibriBusyStatusPacketExt.BusyStatus.BUSY);
        HealthStatusPacketExt health = new HealthStatusPacketExt();
        health.setStatus(HealthStatusPacketExt.Health.HEALTHY);
        status.setBusyStatus(busy);
        status.setHealthStatus(health);
        jibri.publish(status);

        assertThat(eventually(WAIT, () -> node(Kind.JVB, "jvb1").map(n -> n.stress() > 0.3).orElse(false)
                && node(Kind.JIGASI, "jigasi1").map(n -> n.participants() == 2).orElse(false)
                && node(Kind.JIBRI_SIP, "jibri1").map(MediaNode::busy).orElse(false)))
                .as("%s", fleet.nodes()).isTrue();
        MediaNode bridge = node(Kind.JVB, "jvb1").orElseThrow();
        assertThat(bridge.region()).isEqualTo("NORTH");
        assertThat(bridge.conferences()).isEqualTo(3);
        assertThat(bridge.participants()).isEqualTo(41);
        assertThat(bridge.version()).isEqualTo("2.3.160");
        assertThat(bridge.status()).isEqualTo(Status.ENABLED);

        // 3 intervals of 5 s without stats: the bridge is LOST; Jigasi publishes on change only and stays.
        clock.elapse(Duration.ofSeconds(14));
        fleet.sweep();
        assertThat(node(Kind.JVB, "jvb1").orElseThrow().status()).isEqualTo(Status.ENABLED);
        clock.elapse(Duration.ofSeconds(1));
        fleet.sweep();
        assertThat(node(Kind.JVB, "jvb1").orElseThrow().status()).isEqualTo(Status.LOST);
        assertThat(node(Kind.JIGASI, "jigasi1").orElseThrow().status()).isEqualTo(Status.ENABLED);
        fleet.sweep();
        assertThat(eventually(WAIT, () -> lost.contains("jvb1 silent for 15 s"))).as("%s", lost).isTrue();
        assertThat(lost).as("reported once, however many sweeps see it").containsOnlyOnce("jvb1 silent for 15 s");

        // It speaks again: back, with what the operator had set.
        bridgeStats("0.2");
        assertThat(eventually(WAIT, () -> node(Kind.JVB, "jvb1").orElseThrow().status() == Status.ENABLED)).isTrue();
    }

    @Test
    void operatorStatesPersistAcrossNewStatsAndLeavingIsLost() throws Exception {
        bridgeStats("0.1");
        assertThat(eventually(WAIT, () -> node(Kind.JVB, "jvb1").isPresent())).isTrue();
        fleet.setStatus("jvb1", Status.CORDONED);
        assertThat(node(Kind.JVB, "jvb1").orElseThrow().status()).isEqualTo(Status.CORDONED);
        bridgeStats("0.5");
        assertThat(eventually(WAIT, () -> node(Kind.JVB, "jvb1").orElseThrow().stress() == 0.5)).isTrue();
        assertThat(node(Kind.JVB, "jvb1").orElseThrow().status()).isEqualTo(Status.CORDONED);
        fleet.setStatus("jvb1", Status.ENABLED);

        assertThatThrownBy(() -> fleet.setStatus("nobody", Status.DISABLED)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> fleet.setStatus("jvb1", Status.LOST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedStatsCountAsAbsentAndLeavingMeansLost() throws Exception {
        FakeBreweryMember odd = new FakeBreweryMember(prosody, "jigasi", "JigasiBrewery@" + ProsodyServer.INTERNAL,
                "jigasi2");
        odd.publish(FakeBreweryMember.stats(Map.of("stress_level", "NaN", "conferences", "lots",
                "participants", "-5", "version", "x")));
        assertThat(eventually(WAIT, () -> node(Kind.JIGASI, "jigasi2").map(n -> "x".equals(n.version()))
                .orElse(false))).isTrue();
        MediaNode n = node(Kind.JIGASI, "jigasi2").orElseThrow();
        assertThat(n.stress()).isZero();
        assertThat(n.conferences()).isZero();
        assertThat(n.participants()).isZero();

        odd.leave();
        assertThat(eventually(WAIT, () -> node(Kind.JIGASI, "jigasi2").orElseThrow().status() == Status.LOST))
                .isTrue();
        assertThat(eventually(WAIT, () -> lost.contains("jigasi2 left its brewery"))).as("%s", lost).isTrue();
        odd.close();
        assertThat(session.isUp()).isTrue();
    }

    /**
     * Fault: a hung bridge on the real clock, with the production settings (stats every 5 s, LOST after 3 silent
     * intervals). It publishes on jicoco's timer, then hangs: presence stops, the connection stays. The measured
     * cost is how long after its last presence HoiNghi calls it LOST.
     */
    @Test
    void aHungBridgeIsLostWithinFifteenSecondsOfItsLastPresenceOnTheRealClock() throws Exception {
        List<String> realLost = new CopyOnWriteArrayList<>();
        try (BreweryFleetRegistry live = new BreweryFleetRegistry(session,
                (node, why) -> realLost.add(node.id()), java.time.Clock.systemUTC());
             FakeBreweryMember hung = new FakeBreweryMember(prosody, "jvb", "JvbBrewery@" + ProsodyServer.INTERNAL,
                     "jvbhung")) {
            hung.every(Duration.ofSeconds(5), () -> FakeBreweryMember.stats(Map.of("stress_level", 0.4,
                    "conferences", 5, "participants", 120, "region", "NORTH")));
            Thread.sleep(5_500);
            assertThat(live.nodes()).filteredOn(n -> n.id().equals("jvbhung")).singleElement()
                    .satisfies(n -> assertThat(n.status()).isEqualTo(Status.ENABLED));
            hung.hang();
            long lastPresence = hung.lastSentNanos();
            assertThat(eventually(Duration.ofSeconds(20), () -> realLost.contains("jvbhung"))).isTrue();
            double seconds = (System.nanoTime() - lastPresence) / 1e9;
            System.out.printf("FAULT bridge hung: LOST %.1f s after its last presence (target 15 s + 1 s sweep)%n",
                    seconds);
            // 15 s of silence, plus up to the 1 s sweep, plus the lag of a loaded CI machine's threads.
            assertThat(seconds).isBetween(14.0, 17.0);
        }
    }
}
