package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.DialStore;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/**
 * A booked meeting's whole life through XMPP: the real application (job runner, handlers, XmppConferenceControl)
 * on a real Prosody with the fake Jicofo, Jibri SIP gateway and Jigasi, time moved by hand. The runner's
 * scheduled tick is off and its {@code runDue()} called directly, so every step happens when the test says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppProvisioningTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String AUDIO_SITE = "STP-DNG";
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private String url;
    private ApplicationContext ctx;
    private HandDriver run;

    @BeforeAll
    void startFleet() throws Exception {
        prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "unit1@" + ProsodyServer.DOMAIN));
        jigasi = new FakeJigasi(prosody, 4);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        // One database for the class: a restart is a new context on the same rows, and meeting ids (hence room
        // names) never repeat on the shared Prosody.
        url = TestPostgres.freshDatabase(XmppProvisioningTest.class);
        FakeFleet.CLOCK.set(Instant.now());
        boot();
        ctx.getBean(Fixtures.class).ministryWithUsers();
    }

    @AfterAll
    void stopFleet() throws Exception {
        jicofo.close();
        jigasi.close();
        prosody.close();
    }

    @BeforeEach
    void running() throws Exception {
        if (ctx == null || !ctx.isRunning()) {
            boot();
        }
    }

    @AfterEach
    void stop() {
        // Each test leaves its meeting ENDED; a context left open would keep sitting in rooms.
        ctx.close();
    }

    private void boot() throws InterruptedException {
        Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
        p.putAll(TestClients.orchestratorProperties(prosody));
        ctx = ApplicationContext.run(p);
        run = new HandDriver(ctx);
        assertThat(ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
    }

    /** The next free two-hour window after whatever earlier tests did with the clock. */
    private Instant nextStart() {
        return FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    private static BookingRequest.Invite roomSystem(String site) {
        return new BookingRequest.Invite(site, "INTERACTIVE", "ROOM_SYSTEM", null);
    }

    private static BookingRequest.Invite audio(String site) {
        return new BookingRequest.Invite(site, "INTERACTIVE", "AUDIO", null);
    }

    @Test
    void aBookedMeetingIsPreparedGoesLiveDialsEverySiteOnceAndEndsThroughXmpp() throws Exception {
        Instant start = nextStart();
        long id = run.book(start, Duration.ofHours(1),
                List.of(roomSystem("STP-HNI"), roomSystem("STP-HPG"), audio(AUDIO_SITE)));
        String room = RoomNames.of(id);
        String hni = run.roomSystem(id, "STP-HNI");
        String hpg = run.roomSystem(id, "STP-HPG");
        String phone = run.audioTarget(id, AUDIO_SITE);

        run.at(start.minus(Duration.ofMinutes(20)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.BOOKED);
        assertThat(jicofo.created).doesNotContain(room);

        run.at(start.minus(Duration.ofMinutes(15)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.READY);
        assertThat(jicofo.created).as("Jicofo created the room from our ConferenceIq, once")
                .containsOnlyOnce(room);
        assertThat(eventually(WAIT, () -> jicofo.jingleAnswers.contains("session-terminate hoinghi decline")))
                .as("HoiNghi sits in the room and declines media: %s", jicofo.jingleAnswers).isTrue();

        run.at(start);
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(jicofo.gateways.count(room, "jibri start " + hni)).isEqualTo(1);
        assertThat(jicofo.gateways.count(room, "jibri start " + hpg)).isEqualTo(1);
        assertThat(jicofo.gateways.count(room, "dial " + phone)).isEqualTo(1);
        assertThat(jicofo.gateways.requests).filteredOn(r -> r.startsWith(room + " ")).hasSize(3);
        assertThat(run.attempts(id)).extracting(a -> a.siteCode() + " " + a.method() + " " + a.outcome())
                .containsExactlyInAnyOrder("STP-HNI VIDEO CONNECTED", "STP-HPG VIDEO CONNECTED",
                        AUDIO_SITE + " PHONE CONNECTED");
        assertThat(run.attempts(id)).extracting(DialStore.Attempt::callId).doesNotContainNull();

        // An hour later, still nothing repeated; then the end.
        run.at(start.plus(Duration.ofMinutes(59)));
        assertThat(jicofo.gateways.requests).filteredOn(r -> r.startsWith(room + " ")).hasSize(3);
        run.at(start.plus(Duration.ofHours(1)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(jicofo.gateways.count(room, "jibri stop " + hni)).isEqualTo(1);
        assertThat(jicofo.gateways.count(room, "jibri stop " + hpg)).isEqualTo(1);
        assertThat(jigasi.hangups).containsOnlyOnce("hangup " + room + "@" + ProsodyServer.MUC + "/hoinghi");
        assertThat(jicofo.gateways.activeSip).doesNotContainKeys(hni, hpg);
        assertThat(run.attempts(id)).extracting(DialStore.Attempt::outcome).containsOnly("HUNG_UP");
        assertThat(eventually(WAIT, () -> jicofo.destroyed.contains(room + " last member left")))
                .as("HoiNghi left and the conference ended: %s", jicofo.destroyed).isTrue();
        assertThat(run.transitions(id)).containsExactly("DRAFT->BOOKED", "BOOKED->PREPARING", "PREPARING->READY",
                "READY->LIVE", "LIVE->ENDED");
    }
}
