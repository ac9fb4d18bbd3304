package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
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

/**
 * The job runner against real PostgreSQL and a fake Jitsi fleet, driven by a hand-moved clock. "Restarts" close
 * the application context mid-step and build a new one on the same database, as a crashed process would.
 */
class ProvisioningTest {
    private String url;
    private ApplicationContext ctx;
    private Instant start;
    private HandDriver run;

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
        Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
        p.put("test.fake-fleet", true);
        ApplicationContext context = ApplicationContext.run(p);
        run = new HandDriver(context);
        return context;
    }

    /** The process dies: its context goes away with whatever it was doing. */
    private void restart() {
        ctx.close();
        ctx = boot();
    }

    private long book(List<BookingRequest.Invite> invites) {
        return run.book(start, Duration.ofHours(2), invites);
    }

    private static BookingRequest.Invite room(String site) {
        return new BookingRequest.Invite(site, "INTERACTIVE", "ROOM_SYSTEM", null);
    }

    private String sip(String site) {
        return run.roomSystem(lastId, site);
    }

    private long lastId;

    @Test
    void aBookedMeetingIsPreparedGoesLiveDialsItsRoomSystemsAndEnds() {
        lastId = book(List.of(room("STP-HNI"), room("STP-HPG"), new BookingRequest.Invite("STP-DNG", null, "BROWSER", null)));
        run.at(start.minus(Duration.ofMinutes(20)));
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.BOOKED);
        run.at(start.minus(Duration.ofMinutes(15)));
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.READY);
        assertThat(FakeFleet.ROOMS).containsKey(RoomNames.of(lastId));
        run.at(start);
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(FakeFleet.DIALS).containsExactlyInAnyOrder(
                "VIDEO " + RoomNames.of(lastId) + " " + sip("STP-HNI"), "VIDEO " + RoomNames.of(lastId) + " " + sip("STP-HPG"));
        assertThat(run.attempts(lastId)).extracting(DialStore.Attempt::outcome).containsOnly("CONNECTED");
        run.at(start.plus(Duration.ofHours(2)));
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(FakeFleet.HANGUPS).containsExactlyInAnyOrder(sip("STP-HNI"), sip("STP-HPG"));
        assertThat(FakeFleet.ROOMS).doesNotContainKey(RoomNames.of(lastId));
        assertThat(run.transitions(lastId)).containsExactly("DRAFT->BOOKED", "BOOKED->PREPARING", "PREPARING->READY", "READY->LIVE", "LIVE->ENDED");
    }

    @Test
    void aReadinessCheckTestDialsEachRoomSystemAndRecordsTheResult() {
        Readiness readiness = ctx.getBean(Readiness.class);
        readiness.request(Caller.SYSTEM, "BTP");
        FakeFleet.videoFailure = t -> t.startsWith("sip:phonghop-2@") ? new ProvisioningException(
                ProvisioningException.Kind.PERMANENT, "service-unavailable", "no answer from the codec") : null;
        run.runUntilQuiet();
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
        run.runUntilQuiet();
        assertThat(ctx.getBean(Readiness.class).results("STP-HPG")).extracting(ReadinessStore.Result::outcome)
                .containsExactly("OK");
        assertThat(FakeFleet.DIALS).containsExactly("VIDEO hntest-stp-hpg " + sip("STP-HPG"));
        run.runUntilQuiet();
        assertThat(FakeFleet.DIALS).as("once per meeting, not every round").hasSize(1);
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.BOOKED);
    }

    @Test
    void aFocusThatNeverAnswersFailsTheMeetingAfterBackoffWithAnAlert() {
        lastId = book(List.of(room("STP-HNI")));
        FakeFleet.prepareFailure = r -> new ProvisioningException(ProvisioningException.Kind.TRANSIENT, "timeout",
                "no ready from the focus in 30 s");
        run.at(start.minus(Duration.ofMinutes(15)));
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.PREPARING);
        for (int seconds : new int[]{10, 30, 90}) {
            FakeFleet.CLOCK.elapse(Duration.ofSeconds(seconds));
            run.runUntilQuiet();
        }
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.FAILED);
        assertThat(ctx.getBean(Probe.class).read(() -> ctx.getBean(ProvisioningStore.class).alerts(lastId)))
                .singleElement().asString().contains("not ready after 4 attempt(s)", "timeout");
    }

    @Test
    void aBusyJibriFallsBackToAudioAfterTheBackoffLadder() {
        lastId = book(List.of(room("STP-HNI")));
        FakeFleet.videoFailure = t -> new ProvisioningException(ProvisioningException.Kind.TRANSIENT,
                "resource-constraint", "all Jibri SIP gateways busy");
        run.at(start.minus(Duration.ofMinutes(15)));
        run.at(start);
        for (int i = 0; i < 8; i++) {
            FakeFleet.CLOCK.elapse(Duration.ofSeconds(100));
            run.runUntilQuiet();
        }
        assertThat(run.attempts(lastId)).extracting(a -> a.method() + ":" + a.outcome()).containsExactly(
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
        run.runUntilQuiet();
        assertThat(run.meeting(lastId).status()).as("lease still held by the dead runner").isEqualTo(MeetingStatus.PREPARING);
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(2).plusSeconds(1));
        run.runUntilQuiet();
        assertThat(run.meeting(lastId).status()).isEqualTo(MeetingStatus.READY);
        run.at(start);
        assertThat(FakeFleet.dialsTo(sip("STP-HNI"))).isEqualTo(1);
    }

    @Test
    void aCrashRightAfterADialNeverDialsTheSameSiteTwice() {
        lastId = book(List.of(room("STP-HNI")));
        run.at(start.minus(Duration.ofMinutes(15)));
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
            run.runUntilQuiet();
        }
        assertThat(FakeFleet.dialsTo(sip("STP-HNI"))).isEqualTo(1);
        assertThat(run.attempts(lastId)).extracting(DialStore.Attempt::outcome).containsExactly("CONNECTED");
    }

    @Test
    void aCrashBeforeTheDialLeftTheGatewayIdleSoTheSiteIsDialledOnceLater() {
        lastId = book(List.of(room("STP-HNI")));
        run.at(start.minus(Duration.ofMinutes(15)));
        FakeFleet.crashOn = "before-dial";
        FakeFleet.CLOCK.set(start);
        JobRunner runner = ctx.getBean(JobRunner.class);
        runner.runDue();
        assertThatThrownBy(runner::runDue).isInstanceOf(FakeFleet.Crash.class);
        restart();
        for (int i = 0; i < 5; i++) {
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
            run.runUntilQuiet();
        }
        assertThat(FakeFleet.dialsTo(sip("STP-HNI"))).isEqualTo(1);
        assertThat(run.attempts(lastId)).extracting(DialStore.Attempt::outcome).containsExactly("UNKNOWN", "CONNECTED");
    }
}
