package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
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
import vn.hoinghi.orchestrator.provisioning.JobRunner;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    private XMPPTCPConnection unit;
    private XMPPTCPConnection unit2;
    private XMPPTCPConnection unit3;

    @BeforeAll
    void startFleet() throws Exception {
        prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "unit1@" + ProsodyServer.DOMAIN, "unit2@" + ProsodyServer.DOMAIN,
                "unit3@" + ProsodyServer.DOMAIN));
        unit = TestClients.login(prosody, "unit1", ProsodyServer.DOMAIN, "browser");
        unit2 = TestClients.login(prosody, "unit2", ProsodyServer.DOMAIN, "browser");
        unit3 = TestClients.login(prosody, "unit3", ProsodyServer.DOMAIN, "browser");
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
        unit.disconnect();
        unit2.disconnect();
        unit3.disconnect();
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
        CrashableConferenceControl.crashAfterDialling = null;
        jicofo.gateways.holdCallStates = false;
    }

    private void boot() throws InterruptedException {
        Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
        p.putAll(TestClients.orchestratorProperties(prosody));
        p.put("test.crashable-control", true);
        ctx = ApplicationContext.run(p);
        run = new HandDriver(ctx);
        assertThat(ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
    }

    /** The next free two-hour window after whatever earlier tests did with the clock. */
    private Instant nextStart() {
        return FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A meeting of the Ministry with two SIP room systems and an audio site, in the next free window. */
    private record Booked(long id, Instant start, String room, String hni, String hpg, String phone) {
    }

    private Booked bookTwoRoomSystemsAndAnAudioSite() {
        Instant start = nextStart();
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "ROOM_SYSTEM", null),
                new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "ROOM_SYSTEM", null),
                new BookingRequest.Invite(AUDIO_SITE, "INTERACTIVE", "AUDIO", null)));
        return new Booked(id, start, RoomNames.of(id), run.roomSystem(id, "STP-HNI"), run.roomSystem(id, "STP-HPG"),
                run.audioTarget(id, AUDIO_SITE));
    }

    @Test
    void aBookedMeetingIsPreparedGoesLiveDialsEverySiteOnceAndEndsThroughXmpp() throws Exception {
        Booked b = bookTwoRoomSystemsAndAnAudioSite();

        run.at(b.start().minus(Duration.ofMinutes(20)));
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.BOOKED);
        assertThat(jicofo.created).doesNotContain(b.room());

        run.at(b.start().minus(Duration.ofMinutes(15)));
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.READY);
        assertThat(jicofo.created).as("Jicofo created the room from our ConferenceIq, once")
                .containsOnlyOnce(b.room());
        assertThat(eventually(WAIT, () -> jicofo.jingleAnswers.contains("session-terminate hoinghi decline")))
                .as("HoiNghi sits in the room and declines media: %s", jicofo.jingleAnswers).isTrue();

        run.at(b.start());
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(jicofo.gateways.count(b.room(), "jibri start " + b.hni())).isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "jibri start " + b.hpg())).isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "dial " + b.phone())).isEqualTo(1);
        assertThat(jicofo.gateways.requests).filteredOn(r -> r.startsWith(b.room() + " ")).hasSize(3);
        assertThat(run.attempts(b.id())).extracting(a -> a.siteCode() + " " + a.method() + " " + a.outcome())
                .containsExactlyInAnyOrder("STP-HNI VIDEO CONNECTED", "STP-HPG VIDEO CONNECTED",
                        AUDIO_SITE + " PHONE CONNECTED");
        assertThat(run.attempts(b.id())).extracting(DialStore.Attempt::callId).doesNotContainNull();

        // An hour later, still nothing repeated; then the end.
        run.at(b.start().plus(Duration.ofMinutes(59)));
        assertThat(jicofo.gateways.requests).filteredOn(r -> r.startsWith(b.room() + " ")).hasSize(3);
        run.at(b.start().plus(Duration.ofHours(1)));
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(jicofo.gateways.count(b.room(), "jibri stop " + b.hni())).isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "jibri stop " + b.hpg())).isEqualTo(1);
        assertThat(jigasi.hangups).containsOnlyOnce("hangup " + b.room() + "@" + ProsodyServer.MUC + "/hoinghi");
        assertThat(jicofo.gateways.activeSip).doesNotContainKeys(b.room() + " " + b.hni(), b.room() + " " + b.hpg());
        assertThat(run.attempts(b.id())).extracting(DialStore.Attempt::outcome).containsOnly("HUNG_UP");
        assertThat(eventually(WAIT, () -> jicofo.destroyed.contains(b.room() + " last member left")))
                .as("HoiNghi left and the conference ended: %s", jicofo.destroyed).isTrue();
        assertThat(run.transitions(b.id())).containsExactly("DRAFT->BOOKED", "BOOKED->PREPARING", "PREPARING->READY",
                "READY->LIVE", "LIVE->ENDED");
    }

    @Test
    void aRestartAfterJibriTookACallStillDialsEverySiteExactlyOnceAndHangsUpAtTheEnd() throws Exception {
        Booked b = bookTwoRoomSystemsAndAnAudioSite();
        MultiUserChat browser = startThenDieRightAfterJibriTookTheCallToHni(b, "ab12cd34");
        assertThat(run.attempts(b.id())).filteredOn(a -> a.siteCode().equals("STP-HNI"))
                .singleElement().satisfies(a -> assertThat(a.outcome()).as("intent recorded, answer lost").isNull());
        assertThat(jicofo.gateways.count(b.room(), "jibri start " + b.hni())).isEqualTo(1);

        ctx.close();
        // While no HoiNghi is in the room, the room system answers: only the focus's presence says so.
        jicofo.gateways.releaseCallStates();
        boot();
        takeOverTheDeadRunnersClaims();
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(jicofo.gateways.count(b.room(), "jibri start " + b.hni())).as("%s", jicofo.gateways.requests)
                .isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "jibri start " + b.hpg())).isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "dial " + b.phone())).isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "dial " + b.hni())).as("no audio fallback for a site already in")
                .isZero();
        assertThat(run.attempts(b.id())).extracting(a -> a.siteCode() + " " + a.outcome())
                .containsExactlyInAnyOrder("STP-HNI CONNECTED", "STP-HPG CONNECTED", AUDIO_SITE + " CONNECTED");

        // The new process hangs up the call the old one placed.
        run.at(b.start().plus(Duration.ofHours(1)));
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(jicofo.gateways.count(b.room(), "jibri stop " + b.hni())).isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "jibri stop " + b.hpg())).isEqualTo(1);
        assertThat(jigasi.hangups).containsOnlyOnce("hangup " + b.room() + "@" + ProsodyServer.MUC + "/hoinghi");
        browser.leave();
        assertThat(eventually(WAIT, () -> jicofo.destroyed.contains(b.room() + " last member left"))).isTrue();
    }

    @Test
    void aRestartedOrchestratorGoesBackIntoALiveRoomAndItsRollCallMissesNobody() throws Exception {
        Instant start = nextStart();
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-DNG", "INTERACTIVE", "BROWSER", null)));
        String room = RoomNames.of(id);
        run.at(start.minus(Duration.ofMinutes(15)));
        run.at(start);
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.LIVE);
        MultiUserChat hni = TestClients.joinAs(unit, room, "hni1", "STP-HNI");
        assertThat(eventually(WAIT, () -> run.state(id, "STP-HNI") == RollCall.State.PRESENT)).isTrue();
        Instant hniJoined = run.siteOf(id, "STP-HNI").firstJoined();

        ctx.close();
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
        // Joins while no HoiNghi is in the room: only the MUC's replay of its occupants can tell the new process.
        MultiUserChat hpg = TestClients.joinAs(unit2, room, "hpg1", "STP-HPG");
        boot();
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
        // No dial or hang-up is due in this meeting (every site comes by browser): only the runner's round re-enters.
        run.runUntilQuiet();
        assertThat(eventually(WAIT, () -> run.state(id, "STP-HPG") == RollCall.State.PRESENT))
                .as("joined while HoiNghi was down: %s", run.attendance(id)).isTrue();
        // Joins after the restart: the live presence reaches the roll-call.
        MultiUserChat dng = TestClients.joinAs(unit3, room, "dng1", "STP-DNG");
        assertThat(eventually(WAIT, () -> run.state(id, "STP-DNG") == RollCall.State.PRESENT))
                .as("joined after the restart: %s", run.attendance(id)).isTrue();

        // Rounds after that change nothing: one HoiNghi occupant, one join per endpoint, nothing dialled.
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
        run.runUntilQuiet();
        run.runUntilQuiet();
        assertThat(run.siteOf(id, "STP-HNI")).satisfies(a -> {
            assertThat(a.state()).as("in the room all along, not left").isEqualTo(RollCall.State.PRESENT);
            assertThat(a.firstJoined()).isEqualTo(hniJoined);
            assertThat(a.endpoints()).isEqualTo(1);
        });
        assertThat(ctx.getBean(Probe.class).read(() -> ctx.getBean(AttendanceStore.class).forMeeting(id)))
                .extracting(e -> e.endpointId() + " " + e.kind())
                .containsExactlyInAnyOrder("hni1 JOINED", "hpg1 JOINED", "dng1 JOINED");
        List<String> occupants = List.of("dng1", "focus", "hni1", "hoinghi", "hpg1");
        assertThat(eventually(WAIT, () -> hni.getOccupants().stream().map(o -> o.getResourceOrThrow().toString())
                .sorted().toList().equals(occupants))).as("%s", hni.getOccupants()).isTrue();
        assertThat(jicofo.created).containsOnlyOnce(room);
        assertThat(jicofo.gateways.requests).filteredOn(r -> r.startsWith(room + " ")).isEmpty();

        run.at(start.plus(Duration.ofHours(1)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
        hni.leave();
        hpg.leave();
        dng.leave();
        assertThat(eventually(WAIT, () -> jicofo.destroyed.contains(room + " last member left"))).isTrue();
    }

    @Test
    void aStartRefusedAsAlreadyActiveCountsAsReachedWithNoFallbackAndNoSecondCall() throws Exception {
        Booked b = bookTwoRoomSystemsAndAnAudioSite();
        MultiUserChat browser = startThenDieRightAfterJibriTookTheCallToHni(b, "ef56ab78");
        // The room system takes its time to answer, longer than the dead process's attempt may stay open.
        ctx.close();
        boot();
        takeOverTheDeadRunnersClaims();
        // Past the pending timeout the new process tries again; Jicofo still has the ringing call and refuses.
        assertThat(jicofo.gateways.count(b.room(), "jibri start " + b.hni())).as("%s", jicofo.gateways.requests)
                .isEqualTo(2);
        assertThat(jicofo.gateways.started).as("one Jibri session for the room system")
                .containsOnlyOnce(b.room() + " " + b.hni());
        assertThat(jicofo.gateways.count(b.room(), "dial " + b.hni())).as("no audio fallback").isZero();
        assertThat(run.attempts(b.id())).filteredOn(a -> a.siteCode().equals("STP-HNI"))
                .extracting(a -> a.method() + " " + a.outcome() + " " + (a.error() == null ? "" : a.error()))
                .satisfiesExactly(
                        a -> assertThat(a).startsWith("VIDEO UNKNOWN TRANSIENT: interrupted"),
                        a -> assertThat(a).startsWith("VIDEO CONNECTED ALREADY_ACTIVE: Jicofo already has a call"));

        // More rounds, then the room system answers: still one call, and it is stopped once at the end.
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(5));
        run.runUntilQuiet();
        jicofo.gateways.releaseCallStates();
        assertThat(jicofo.gateways.count(b.room(), "jibri start " + b.hni())).isEqualTo(2);
        run.at(b.start().plus(Duration.ofHours(1)));
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(jicofo.gateways.count(b.room(), "jibri stop " + b.hni())).isEqualTo(1);
        assertThat(jicofo.gateways.count(b.room(), "dial " + b.hni())).isZero();
        assertThat(jicofo.gateways.activeSip).doesNotContainKey(b.room() + " " + b.hni());
        browser.leave();
        assertThat(eventually(WAIT, () -> jicofo.destroyed.contains(b.room() + " last member left"))).isTrue();
    }

    /**
     * READY, a unit in the room (the conference outlives HoiNghi's absence), then at the start the process dies
     * right after Jibri took the call to {@code b.hni()}, which stays pending until the test releases it.
     */
    private MultiUserChat startThenDieRightAfterJibriTookTheCallToHni(Booked b, String endpoint) throws Exception {
        run.at(b.start().minus(Duration.ofMinutes(15)));
        assertThat(run.meeting(b.id()).status()).isEqualTo(MeetingStatus.READY);
        MultiUserChat browser = TestClients.joinAs(unit, b.room(), endpoint, "BTP");
        CrashableConferenceControl.crashAfterDialling = b.hni();
        jicofo.gateways.holdCallStates = true;
        FakeFleet.CLOCK.set(b.start());
        JobRunner runner = ctx.getBean(JobRunner.class);
        assertThat(runner.runDue()).as("START").isEqualTo(1);
        assertThatThrownBy(runner::runDue).isInstanceOf(FakeFleet.Crash.class);
        return browser;
    }

    /** The dead runner's claims run out after the 2-minute lease; then the new process takes them over. */
    private void takeOverTheDeadRunnersClaims() {
        for (int i = 0; i < 5; i++) {
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
            run.runUntilQuiet();
        }
    }
}
