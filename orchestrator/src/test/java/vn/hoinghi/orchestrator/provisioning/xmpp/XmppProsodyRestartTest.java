package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.ConferenceControl;
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
 * Fault: Prosody restarted mid-meeting (an operator's {@code systemctl restart prosody}: every stream closed, every
 * room gone). The orchestrator reconnects, goes back into the room through the focus (Jicofo re-creates the
 * conference), the roll-call continues (a unit that came back is present with its first join kept, one that did
 * not is LEFT), and nothing is dialled twice: the room system's call lives on in Jibri, whose browser rejoins as
 * any browser does. Prints the measured cost of each step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppProsodyRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private ApplicationContext ctx;
    private HandDriver run;

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "unit1@" + ProsodyServer.DOMAIN, "unit2@" + ProsodyServer.DOMAIN));
        jigasi = new FakeJigasi(prosody, 4);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        FakeFleet.CLOCK.set(Instant.now());
        Map<String, Object> p = new HashMap<>(HandDriver.properties(
                TestPostgres.freshDatabase(XmppProsodyRestartTest.class)));
        p.putAll(TestClients.orchestratorProperties(prosody));
        // A 1 s fixed reconnect delay, as for Jicofo here; the default random delay would only add noise.
        p.put("hoinghi.xmpp.reconnect-fixed", true);
        p.put("hoinghi.xmpp.reconnect-delay", "1s");
        ctx = ApplicationContext.run(p);
        run = new HandDriver(ctx);
        assertThat(ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
        ctx.getBean(Fixtures.class).ministryWithUsers();
    }

    @AfterAll
    void stop() throws Exception {
        ctx.close();
        jicofo.close();
        jigasi.close();
        prosody.close();
    }

    @Test
    void prosodyRestartedMidMeetingCostsSecondsAndDialsNothingTwice() throws Exception {
        Instant start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "ROOM_SYSTEM", null),
                new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-DNG", "INTERACTIVE", "BROWSER", null)));
        String room = RoomNames.of(id);
        String address = run.roomSystem(id, "STP-HNI");
        run.at(start.minus(Duration.ofMinutes(15)));
        XMPPTCPConnection hpgBrowser = TestClients.login(prosody, "unit1", ProsodyServer.DOMAIN, "browser");
        XMPPTCPConnection dngBrowser = TestClients.login(prosody, "unit2", ProsodyServer.DOMAIN, "browser");
        TestClients.joinAs(hpgBrowser, room, "hpg1", "STP-HPG");
        TestClients.joinAs(dngBrowser, room, "dng1", "STP-DNG");
        run.at(start);
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(eventually(WAIT, () -> run.state(id, "STP-HPG") == RollCall.State.PRESENT
                && run.state(id, "STP-DNG") == RollCall.State.PRESENT)).as("%s", run.attendance(id)).isTrue();
        Instant hpgFirstJoined = run.siteOf(id, "STP-HPG").firstJoined();
        assertThat(jicofo.gateways.count(room, "jibri start " + address)).isEqualTo(1);

        XmppSession session = ctx.getBean(XmppSession.class);
        ConferenceControl control = ctx.getBean(ConferenceControl.class);
        long t0 = System.nanoTime();
        prosody.restart();
        long up = System.nanoTime();
        assertThat(session.awaitLogin(WAIT)).as("reconnected: %s", session.lastError()).isTrue();
        long login = System.nanoTime();
        assertThat(eventually(WAIT, () -> control.sitsIn(room))).as("back in the room").isTrue();
        long inRoom = System.nanoTime();
        // Haiphong's browser reconnects and rejoins with its endpoint id; Da Nang's does not come back.
        XMPPTCPConnection hpgAgain = TestClients.login(prosody, "unit1", ProsodyServer.DOMAIN, "browser2");
        MultiUserChat hpg = TestClients.joinAs(hpgAgain, room, "hpg1", "STP-HPG");
        assertThat(eventually(WAIT, () -> run.state(id, "STP-HPG") == RollCall.State.PRESENT
                && run.state(id, "STP-DNG") == RollCall.State.LEFT)).as("%s", run.attendance(id)).isTrue();
        long rollCall = System.nanoTime();
        System.out.printf("FAULT prosody restart: prosody back %.2f s after the stop; orchestrator logged in %.2f s, "
                        + "back in the room %.2f s, roll-call current %.2f s after it (incl. the unit's rejoin)%n",
                secs(up - t0), secs(login - up), secs(inRoom - up), secs(rollCall - up));

        assertThat(jicofo.created).as("Jicofo re-created the conference from our ConferenceIq")
                .containsExactly(room, room);
        assertThat(run.siteOf(id, "STP-HPG").firstJoined()).isEqualTo(hpgFirstJoined);
        // The runner's rounds after the restart dial nothing: the room system's call went on.
        for (int i = 0; i < 3; i++) {
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(2));
            run.runUntilQuiet();
        }
        assertThat(jicofo.gateways.requests).filteredOn(r -> r.startsWith(room + " "))
                .containsExactly(room + " jibri start " + address);
        run.at(start.plus(Duration.ofHours(1)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(jicofo.gateways.count(room, "jibri stop " + address)).isEqualTo(1);
        hpg.leave();
        hpgAgain.disconnect();
        hpgBrowser.disconnect();
        dngBrowser.disconnect();
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }
}
