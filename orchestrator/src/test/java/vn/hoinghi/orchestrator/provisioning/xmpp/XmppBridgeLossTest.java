package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.CapacityController.RegionUsage;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.AlertController.Alert;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/**
 * A bridge hangs under a live meeting (its presence stops, its connection stays, as a JVB whose process is stuck): the whole application on a real Prosody, two fake JVBs of the North in the
 * JVB brewery, time moved by hand. The application's own sweeper (every second on the injected clock) finds the
 * silent one; the test never sweeps for it.
 */
@MicronautTest(transactional = false)
class XmppBridgeLossTest extends DatabaseTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long BRIDGE_PPS = 40_000;
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private FakeBreweryMember jvb1;
    private FakeBreweryMember jvb2;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    ApplicationContext ctx;
    @Inject
    FleetRegistry fleet;

    @Override
    protected Map<String, String> extraProperties() {
        FakeFleet.CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try {
            prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                    "jvb@" + ProsodyServer.AUTH));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Prosody", e);
        }
        Map<String, String> p = new HashMap<>(TestClients.orchestratorProperties(prosody));
        p.put("test.hand-clock", "true");
        return p;
    }

    @BeforeAll
    void setUp() throws Exception {
        ctx.getBean(Fixtures.class).ministryWithUsers();
        assertThat(ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
        jigasi = new FakeJigasi(prosody, 0);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
    }

    @AfterAll
    void tearDown() throws Exception {
        for (FakeBreweryMember jvb : new FakeBreweryMember[]{jvb1, jvb2}) {
            if (jvb != null) {
                jvb.close();
            }
        }
        jicofo.close();
        jigasi.close();
        prosody.close();
    }

    private Api operator() {
        return Api.login(client.toBlocking(), "vanhanh", Fixtures.PASSWORD);
    }

    private MediaNode bridge(String id) {
        return fleet.nodes().stream().filter(n -> n.kind() == MediaNode.Kind.JVB && n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + fleet.nodes()));
    }

    /** A bridge's periodic stats, waited for until the registry has read them at the current (hand) time. */
    private void stats(FakeBreweryMember jvb, String id) throws Exception {
        jvb.publish(FakeBreweryMember.stats(Map.of("stress_level", 0.3, "conferences", 2, "participants", 30,
                "region", "NORTH", "version", "2.3.160")));
        Instant now = FakeFleet.CLOCK.instant();
        assertThat(eventually(WAIT, () -> fleet.nodes().stream().anyMatch(n -> n.id().equals(id)
                && now.equals(n.lastSeen())))).as("%s read at %s: %s", id, now, fleet.nodes()).isTrue();
    }

    private long offeredNorthPps(Api api, Instant from) {
        List<RegionUsage> usage = api.send(HttpRequest.GET("/api/v1/capacity?from=" + from + "&to="
                + from.plus(Duration.ofHours(1))), Argument.listOf(RegionUsage.class)).body();
        return usage.stream().filter(u -> u.region().equals("NORTH")).findFirst().orElseThrow().offered().pps();
    }

    @Test
    void aBridgeSilentForThreeIntervalsIsLostAlertedAndNoLongerOffered() throws Exception {
        HandDriver run = new HandDriver(ctx);
        Instant start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "BROWSER", null)));
        run.at(start.minus(Duration.ofMinutes(15)));
        run.at(start);
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.LIVE);

        jvb1 = new FakeBreweryMember(prosody, "jvb", "JvbBrewery@" + ProsodyServer.INTERNAL, "jvb1");
        jvb2 = new FakeBreweryMember(prosody, "jvb", "JvbBrewery@" + ProsodyServer.INTERNAL, "jvb2");
        Instant lastWord = FakeFleet.CLOCK.instant();
        stats(jvb1, "jvb1");
        stats(jvb2, "jvb2");
        Api operator = operator();
        assertThat(offeredNorthPps(operator, lastWord)).as("the live fleet: two bridges").isEqualTo(2 * BRIDGE_PPS);

        // jvb1 says nothing more; jvb2 keeps its 5-second rhythm.
        for (int seconds : new int[]{5, 10, 14}) {
            FakeFleet.CLOCK.set(lastWord.plusSeconds(seconds));
            stats(jvb2, "jvb2");
        }
        ((BreweryFleetRegistry) fleet).sweep();
        assertThat(bridge("jvb1").status()).as("14 s of silence: not yet").isEqualTo(MediaNode.Status.ENABLED);
        FakeFleet.CLOCK.set(lastWord.plusSeconds(15));
        assertThat(eventually(WAIT, () -> bridge("jvb1").status() == MediaNode.Status.LOST))
                .as("LOST after 15 s, found by the application's sweeper: %s", fleet.nodes()).isTrue();
        assertThat(bridge("jvb2").status()).isEqualTo(MediaNode.Status.ENABLED);

        assertThat(eventually(WAIT, () -> operator.send(HttpRequest.GET("/api/v1/alerts"),
                Argument.listOf(Alert.class)).body().stream().anyMatch(a -> a.meetingId() == null
                && a.message().contains("jvb1")))).isTrue();
        assertThat(eventually(WAIT, () -> operator.send(HttpRequest.GET("/api/v1/alerts"),
                Argument.listOf(Alert.class)).body().stream().anyMatch(a -> a.meetingId() != null)))
                .isTrue();
        Alert alert = operator.send(HttpRequest.GET("/api/v1/alerts"), Argument.listOf(Alert.class)).body().stream()
                .filter(a -> a.meetingId() == null && a.message().contains("jvb1")).findFirst().orElseThrow();
        assertThat(alert.severity()).isEqualTo("CRITICAL");
        assertThat(alert.message()).contains("Mất nút JVB jvb1 (NORTH)",
                "JVB jvb1 (NORTH) LOST with 2 conferences, 30 participants: silent for 15 s");
        // The live meeting has sites in the North, where jvb1 was: it is flagged for the operators.
        assertThat(operator.send(HttpRequest.GET("/api/v1/alerts"), Argument.listOf(Alert.class)).body())
                .filteredOn(a -> Long.valueOf(id).equals(a.meetingId()))
                .singleElement().satisfies(a -> {
                    assertThat(a.severity()).isEqualTo("WARNING");
                    assertThat(a.message()).contains("may have been on JVB jvb1 (NORTH)");
                });
        assertThat(offeredNorthPps(operator, lastWord.plusSeconds(15))).as("admission counts jvb2 only")
                .isEqualTo(BRIDGE_PPS);
        assertThat(run.meeting(id).status()).as("the meeting goes on: Jicofo moves it to another bridge")
                .isEqualTo(MeetingStatus.LIVE);
    }
}
