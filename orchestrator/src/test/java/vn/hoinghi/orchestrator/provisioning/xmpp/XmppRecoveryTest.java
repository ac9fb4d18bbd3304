package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import org.jitsi.xmpp.extensions.jibri.JibriIq;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.attendance.AttendanceStore;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.DialStore;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.Probe;
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
 * What the room tells a process that was not watching: a unit that left while no HoiNghi occupant was in the room
 * (read from the occupant list on re-entry), and a SIP call Jicofo accepted and later reports failed (the focus's
 * {@code jibri-sip-call-state off} with a failure reason), redialled through the dial-out ladder. The real
 * application on a real Prosody with the fake Jicofo, time moved by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private String url;
    private ApplicationContext ctx;
    private HandDriver run;
    private XMPPTCPConnection unit;
    private XMPPTCPConnection unit2;

    @BeforeAll
    void startFleet() throws Exception {
        prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "unit1@" + ProsodyServer.DOMAIN, "unit2@" + ProsodyServer.DOMAIN));
        unit = TestClients.login(prosody, "unit1", ProsodyServer.DOMAIN, "browser");
        unit2 = TestClients.login(prosody, "unit2", ProsodyServer.DOMAIN, "browser");
        jigasi = new FakeJigasi(prosody, 4);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        url = TestPostgres.freshDatabase(XmppRecoveryTest.class);
        FakeFleet.CLOCK.set(Instant.now());
        boot();
        ctx.getBean(Fixtures.class).ministryWithUsers();
    }

    @AfterAll
    void stopFleet() throws Exception {
        unit.disconnect();
        unit2.disconnect();
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
        ctx.close();
    }

    private void boot() throws InterruptedException {
        Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
        p.putAll(TestClients.orchestratorProperties(prosody));
        ctx = ApplicationContext.run(p);
        run = new HandDriver(ctx);
        assertThat(ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
    }

    private Instant nextStart() {
        return FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void aUnitThatLeftWhileNoHoiNghiWasInTheRoomIsLeftAfterReEntry() throws Exception {
        Instant start = nextStart();
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "BROWSER", null)));
        String room = RoomNames.of(id);
        run.at(start.minus(Duration.ofMinutes(15)));
        run.at(start);
        MultiUserChat hni = TestClients.joinAs(unit, room, "hni1", "STP-HNI");
        MultiUserChat hpg = TestClients.joinAs(unit2, room, "hpg1", "STP-HPG");
        assertThat(eventually(WAIT, () -> run.state(id, "STP-HNI") == RollCall.State.PRESENT
                && run.state(id, "STP-HPG") == RollCall.State.PRESENT)).as("%s", run.attendance(id)).isTrue();

        ctx.close();
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
        // Haiphong leaves while nobody from HoiNghi is in the room: no presence of it will ever reach us.
        hpg.leave();
        boot();
        Instant reEntered = FakeFleet.CLOCK.instant();
        run.runUntilQuiet();

        assertThat(eventually(WAIT, () -> run.state(id, "STP-HPG") == RollCall.State.LEFT))
                .as("the occupant list on re-entry has no hpg1: %s", run.attendance(id)).isTrue();
        assertThat(run.siteOf(id, "STP-HPG").lastLeft()).as("noticed at re-entry").isEqualTo(reEntered);
        assertThat(run.state(id, "STP-HNI")).as("still in the room").isEqualTo(RollCall.State.PRESENT);
        // More rounds and a live leave of the same unit later change nothing: one LEFT row.
        run.runUntilQuiet();
        assertThat(ctx.getBean(Probe.class).read(() -> ctx.getBean(AttendanceStore.class).forMeeting(id)))
                .extracting(e -> e.endpointId() + " " + e.kind())
                .containsExactly("hni1 JOINED", "hpg1 JOINED", "hpg1 LEFT");

        // Haiphong comes back: present again, with its first join time kept.
        MultiUserChat back = TestClients.joinAs(unit2, room, "hpg1", "STP-HPG");
        assertThat(eventually(WAIT, () -> run.state(id, "STP-HPG") == RollCall.State.PRESENT)).isTrue();
        run.at(start.plus(Duration.ofHours(1)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
        hni.leave();
        back.leave();
    }

    @Test
    void aCallJicofoAcceptedAndLaterReportsFailedIsRedialledByTheLadder() throws Exception {
        Instant start = nextStart();
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "ROOM_SYSTEM", null)));
        String room = RoomNames.of(id);
        String address = run.roomSystem(id, "STP-HNI");
        run.at(start.minus(Duration.ofMinutes(15)));
        MultiUserChat browser = TestClients.joinAs(unit, room, "btp1", "BTP");
        run.at(start);
        assertThat(jicofo.gateways.count(room, "jibri start " + address)).isEqualTo(1);

        // Each call is accepted, goes on, and fails ten minutes later; the policy waits its pauses between tries.
        for (int call = 1; call <= 4; call++) {
            int n = call;
            assertThat(eventually(WAIT, () -> jicofo.gateways.activeSip.containsKey(room + " " + address)))
                    .as("call %d placed: %s", n, jicofo.gateways.requests).isTrue();
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(10));
            jicofo.gateways.failCall(room, address, JibriIq.FailureReason.ERROR);
            assertThat(eventually(WAIT, () -> run.attempts(id).size() == n
                    && "FAILED".equals(run.attempts(id).get(n - 1).outcome())))
                    .as("attempt %d marked failed: %s", n, run.attempts(id)).isTrue();
            run.runUntilQuiet();
        }
        // After four video tries, the ladder's next rung: audio through Jigasi to the same room system.
        assertThat(jicofo.gateways.count(room, "jibri start " + address)).as("%s", jicofo.gateways.requests)
                .isEqualTo(4);
        assertThat(jicofo.gateways.count(room, "dial " + address)).isEqualTo(1);
        assertThat(run.attempts(id)).extracting(a -> a.method() + " " + a.outcome())
                .containsExactly("VIDEO FAILED", "VIDEO FAILED", "VIDEO FAILED", "VIDEO FAILED", "AUDIO CONNECTED");
        assertThat(run.attempts(id)).extracting(DialStore.Attempt::error).first().asString()
                .startsWith("TRANSIENT: call-failed error");

        // Nothing more: rounds later, still four video starts and one audio dial.
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(5));
        run.runUntilQuiet();
        assertThat(jicofo.gateways.requests).filteredOn(r -> r.startsWith(room + " ")).hasSize(5);
        run.at(start.plus(Duration.ofHours(1)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(jicofo.gateways.count(room, "jibri stop " + address)).as("no failed call is stopped").isZero();
        browser.leave();
    }
}
