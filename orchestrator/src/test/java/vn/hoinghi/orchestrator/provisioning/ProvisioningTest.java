package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.booking.Booking;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.Probe;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job runner against real PostgreSQL and a fake Jitsi fleet, driven by a hand-moved clock. "Restarts" close
 * the application context mid-step and build a new one on the same database, as a crashed process would.
 */
class ProvisioningTest {
    private String url;
    private ApplicationContext ctx;
    private Instant start;

    @BeforeEach
    void freshWorld() {
        FakeFleet.reset();
        url = TestPostgres.freshDatabase(ProvisioningTest.class);
        ctx = boot();
        ctx.getBean(Fixtures.class).ministryWithUsers();
        start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    @AfterEach
    void stop() {
        if (ctx != null && ctx.isRunning()) {
            ctx.close();
        }
    }

    private ApplicationContext boot() {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "postgres");
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", DatabaseTest.JWT_SECRET);
        p.put("hoinghi.provisioning.runner-enabled", false);
        p.put("test.fake-fleet", true);
        return ApplicationContext.run(p);
    }

    /** The process dies: its context goes away with whatever it was doing. */
    private void restart() {
        ctx.close();
        ctx = boot();
    }

    private long book(List<BookingRequest.Invite> invites) {
        BookingRequest r = new BookingRequest("Họp thử cấp phát", null, "BTP",
                start.atOffset(ZoneOffset.UTC).toString(), start.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC)
                .toString(), null, null, null, invites, null);
        Booking b = ctx.getBean(BookingService.class).book(Caller.SYSTEM, r);
        return b.first().id();
    }

    private static BookingRequest.Invite room(String site) {
        return new BookingRequest.Invite(site, "INTERACTIVE", "ROOM_SYSTEM", null);
    }

    private void at(Instant when) {
        FakeFleet.CLOCK.set(when);
        runUntilQuiet();
    }

    private void runUntilQuiet() {
        JobRunner runner = ctx.getBean(JobRunner.class);
        for (int i = 0; i < 20 && runner.runDue() > 0; i++) {
            // each round may schedule follow-up jobs due at once (START schedules the dials)
        }
    }

    private Meeting meeting(long id) {
        return ctx.getBean(Lifecycle.class).meeting(id).orElseThrow();
    }

    private List<DialStore.Attempt> attempts(long id) {
        return ctx.getBean(DialLog.class).forMeeting(id);
    }

    private String sip(String site) {
        return meeting(lastId).invites().stream().filter(i -> i.site().equals(site)).findFirst().orElseThrow()
                .roomSystem();
    }

    private long lastId;

    @Test
    void aBookedMeetingIsPreparedGoesLiveDialsItsRoomSystemsAndEnds() {
        lastId = book(List.of(room("STP-HNI"), room("STP-HPG"), new BookingRequest.Invite("STP-DNG", null, "BROWSER", null)));
        at(start.minus(Duration.ofMinutes(20)));
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.BOOKED);
        at(start.minus(Duration.ofMinutes(15)));
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.READY);
        assertThat(FakeFleet.ROOMS).containsKey(RoomNames.of(lastId));
        at(start);
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(FakeFleet.DIALS).containsExactlyInAnyOrder(
                "VIDEO " + RoomNames.of(lastId) + " " + sip("STP-HNI"), "VIDEO " + RoomNames.of(lastId) + " " + sip("STP-HPG"));
        assertThat(attempts(lastId)).extracting(DialStore.Attempt::outcome).containsOnly("CONNECTED");
        at(start.plus(Duration.ofHours(2)));
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(FakeFleet.HANGUPS).containsExactlyInAnyOrder(sip("STP-HNI"), sip("STP-HPG"));
        assertThat(FakeFleet.ROOMS).doesNotContainKey(RoomNames.of(lastId));
        assertThat(ctx.getBean(Probe.class).read(() -> ctx.getBean(MeetingStore.class).transitions(lastId)))
                .containsExactly("DRAFT->BOOKED", "BOOKED->PREPARING", "PREPARING->READY", "READY->LIVE", "LIVE->ENDED");
    }

    @Test
    void aReadinessCheckTestDialsEachRoomSystemAndRecordsTheResult() {
        Readiness readiness = ctx.getBean(Readiness.class);
        readiness.request(Caller.SYSTEM, "BTP");
        FakeFleet.videoFailure = t -> t.startsWith("sip:phonghop-2@") ? new ProvisioningException(
                ProvisioningException.Kind.PERMANENT, "service-unavailable", "no answer from the codec") : null;
        runUntilQuiet();
        assertThat(readiness.results("BTP")).extracting(ReadinessStore.Result::outcome)
                .containsExactly("OK", "FAILED", "OK");
        assertThat(readiness.results("BTP").get(1).detail()).contains("service-unavailable");
        assertThat(FakeFleet.DIALS).hasSize(2).allSatisfy(d -> assertThat(d).contains("hntest-btp"));
        assertThat(FakeFleet.HANGUPS).hasSize(2);
        assertThat(FakeFleet.ROOMS).doesNotContainKey("hntest-btp");
    }

    @Test
    void roomSystemsOfAnUpcomingMeetingAreTestDialledAheadOfIt() {
        start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        lastId = book(List.of(room("STP-HPG")));
        runUntilQuiet();
        assertThat(ctx.getBean(Readiness.class).results("STP-HPG")).extracting(ReadinessStore.Result::outcome)
                .containsExactly("OK");
        assertThat(FakeFleet.DIALS).containsExactly("VIDEO hntest-stp-hpg " + sip("STP-HPG"));
        runUntilQuiet();
        assertThat(FakeFleet.DIALS).as("once per meeting, not every round").hasSize(1);
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.BOOKED);
    }

    @Test
    void aFocusThatNeverAnswersFailsTheMeetingAfterBackoffWithAnAlert() {
        lastId = book(List.of(room("STP-HNI")));
        FakeFleet.prepareFailure = r -> new ProvisioningException(ProvisioningException.Kind.TRANSIENT, "timeout",
                "no ready from the focus in 30 s");
        at(start.minus(Duration.ofMinutes(15)));
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.PREPARING);
        for (int seconds : new int[]{10, 30, 90}) {
            FakeFleet.CLOCK.elapse(Duration.ofSeconds(seconds));
            runUntilQuiet();
        }
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.FAILED);
        assertThat(ctx.getBean(Probe.class).read(() -> ctx.getBean(ProvisioningStore.class).alerts(lastId)))
                .singleElement().asString().contains("not ready after 4 attempt(s)", "timeout");
    }

    @Test
    void aBusyJibriFallsBackToAudioAfterTheBackoffLadder() {
        lastId = book(List.of(room("STP-HNI")));
        FakeFleet.videoFailure = t -> new ProvisioningException(ProvisioningException.Kind.TRANSIENT,
                "resource-constraint", "all Jibri SIP gateways busy");
        at(start.minus(Duration.ofMinutes(15)));
        at(start);
        for (int i = 0; i < 8; i++) {
            FakeFleet.CLOCK.elapse(Duration.ofSeconds(100));
            runUntilQuiet();
        }
        assertThat(attempts(lastId)).extracting(a -> a.method() + ":" + a.outcome()).containsExactly(
                "VIDEO:FAILED", "VIDEO:FAILED", "VIDEO:FAILED", "VIDEO:FAILED", "AUDIO:CONNECTED");
        assertThat(FakeFleet.DIALS).containsExactly("AUDIO " + RoomNames.of(lastId) + " " + sip("STP-HNI"));
    }

    @Test
    void aCrashWhilePreparingIsTakenOverAfterTheLeaseAndTheMeetingStillGetsReady() {
        lastId = book(List.of(room("STP-HNI")));
        FakeFleet.crashOn = "prepare";
        FakeFleet.CLOCK.set(start.minus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> ctx.getBean(JobRunner.class).runDue()).isInstanceOf(FakeFleet.Crash.class);
        restart();
        runUntilQuiet();
        assertThat(meeting(lastId).status()).as("lease still held by the dead runner").isEqualTo(MeetingStatus.PREPARING);
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(2).plusSeconds(1));
        runUntilQuiet();
        assertThat(meeting(lastId).status()).isEqualTo(MeetingStatus.READY);
        at(start);
        assertThat(FakeFleet.dialsTo(sip("STP-HNI"))).isEqualTo(1);
    }

    @Test
    void aCrashRightAfterADialNeverDialsTheSameSiteTwice() {
        lastId = book(List.of(room("STP-HNI")));
        at(start.minus(Duration.ofMinutes(15)));
        FakeFleet.crashOn = "after-dial";
        FakeFleet.CLOCK.set(start);
        JobRunner runner = ctx.getBean(JobRunner.class);
        runner.runDue();
        assertThatThrownBy(runner::runDue).isInstanceOf(FakeFleet.Crash.class);
        restart();
        // Rejoining the room, the new process sees the focus report the call as on.
        ctx.getBean(FakeConferenceControl.class).replayCallStates(RoomNames.of(lastId), sip("STP-HNI"));
        for (int i = 0; i < 5; i++) {
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
            runUntilQuiet();
        }
        assertThat(FakeFleet.dialsTo(sip("STP-HNI"))).isEqualTo(1);
        assertThat(attempts(lastId)).extracting(DialStore.Attempt::outcome).containsExactly("CONNECTED");
    }

    @Test
    void aCrashBeforeTheDialLeftTheGatewayIdleSoTheSiteIsDialledOnceLater() {
        lastId = book(List.of(room("STP-HNI")));
        at(start.minus(Duration.ofMinutes(15)));
        FakeFleet.crashOn = "before-dial";
        FakeFleet.CLOCK.set(start);
        JobRunner runner = ctx.getBean(JobRunner.class);
        runner.runDue();
        assertThatThrownBy(runner::runDue).isInstanceOf(FakeFleet.Crash.class);
        restart();
        for (int i = 0; i < 5; i++) {
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
            runUntilQuiet();
        }
        assertThat(FakeFleet.dialsTo(sip("STP-HNI"))).isEqualTo(1);
        assertThat(attempts(lastId)).extracting(DialStore.Attempt::outcome).containsExactly("UNKNOWN", "CONNECTED");
    }
}
