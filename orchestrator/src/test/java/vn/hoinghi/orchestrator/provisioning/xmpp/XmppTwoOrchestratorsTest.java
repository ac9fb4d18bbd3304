package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.JobRunner;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two orchestrators on one database and one Prosody, their job runners side by side (each its own XMPP resource,
 * as two hosts are configured): every round both run at once, yet each room is created once and each site dialled
 * once; when the one that placed a call dies mid-job, the survivor takes the job over when the lease runs out and
 * does not call the site again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppTwoOrchestratorsTest {
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private XMPPTCPConnection unit;
    private final List<ApplicationContext> alive = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "unit1@" + ProsodyServer.DOMAIN));
        jigasi = new FakeJigasi(prosody, 4);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        unit = TestClients.login(prosody, "unit1", ProsodyServer.DOMAIN, "browser");
        FakeFleet.CLOCK.set(Instant.now());
        String url = TestPostgres.freshDatabase(XmppTwoOrchestratorsTest.class);
        for (String resource : List.of("orchestrator_a", "orchestrator_b")) {
            Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
            p.putAll(TestClients.orchestratorProperties(prosody));
            p.put("hoinghi.xmpp.resource", resource);
            p.put("test.crashable-control", true);
            ApplicationContext ctx = ApplicationContext.run(p);
            assertThat(ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10))).isTrue();
            alive.add(ctx);
        }
        alive.get(0).getBean(Fixtures.class).ministryWithUsers();
    }

    @AfterAll
    void stop() throws Exception {
        alive.forEach(ApplicationContext::close);
        CrashableConferenceControl.crashAfterDialling = null;
        unit.disconnect();
        jicofo.close();
        jigasi.close();
        prosody.close();
    }

    /** Moves the clock, then runs every live orchestrator's runner at the same time until all are quiet. */
    private void bothAt(Instant when) {
        FakeFleet.CLOCK.set(when);
        for (int round = 0; round < 10; round++) {
            List<CompletableFuture<Integer>> runs = alive.stream().map(ctx -> CompletableFuture.supplyAsync(() -> {
                try {
                    return ctx.getBean(JobRunner.class).runDue();
                } catch (FakeFleet.Crash crash) {
                    // This process "died" mid-job: its claims stay leased, its context is closed below.
                    ctx.close();
                    return 0;
                }
            })).toList();
            int ran = runs.stream().mapToInt(CompletableFuture::join).sum();
            alive.removeIf(ctx -> !ctx.isRunning());
            if (ran == 0) {
                return;
            }
        }
    }

    @Test
    void twoRunnersSideBySideCreateEachRoomOnceDialEachSiteOnceAndTheSurvivorTakesOver() throws Exception {
        HandDriver run = new HandDriver(alive.get(0));
        Instant start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        // Both runners race for each of its jobs (prepare, start, one dial per site).
        List<Long> ids = List.of(
                run.book(start, Duration.ofHours(1), List.of(
                        new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "ROOM_SYSTEM", null),
                        new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "ROOM_SYSTEM", null),
                        new BookingRequest.Invite("STP-DNG", "INTERACTIVE", "AUDIO", null))));
        bothAt(start.minus(Duration.ofMinutes(15)));
        for (long id : ids) {
            assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.READY);
            assertThat(jicofo.created).as("room of %d", id).containsOnlyOnce(RoomNames.of(id));
        }
        String crashRoom = RoomNames.of(ids.get(0));
        TestClients.joinAs(unit, crashRoom, "btp1", "BTP");

        // The call to Hanoi is placed by whichever runner gets it, which then dies.
        String hni = run.roomSystem(ids.get(0), "STP-HNI");
        CrashableConferenceControl.crashAfterDialling = hni;
        bothAt(start.plus(Duration.ofMinutes(2)));
        assertThat(alive).as("one orchestrator died mid-job").hasSize(1);
        HandDriver survivor = new HandDriver(alive.get(0));
        // The lease (2 min) and Jicofo's pending window (90 s) run out; the survivor's rounds finish the job.
        for (int minute = 1; minute <= 5; minute++) {
            bothAt(start.plus(Duration.ofMinutes(2 + minute)));
        }
        for (long id : ids) {
            String room = RoomNames.of(id);
            assertThat(survivor.meeting(id).status()).isEqualTo(MeetingStatus.LIVE);
            for (String site : List.of("STP-HNI", "STP-HPG")) {
                assertThat(jicofo.gateways.count(room, "jibri start " + survivor.roomSystem(id, site)))
                        .as("%s %s: %s", room, site, jicofo.gateways.requests).isEqualTo(1);
            }
            assertThat(jicofo.gateways.count(room, "dial " + survivor.audioTarget(id, "STP-DNG"))).isEqualTo(1);
            assertThat(survivor.attempts(id)).extracting(a -> a.siteCode() + " " + a.outcome())
                    .containsExactlyInAnyOrder("STP-HNI CONNECTED", "STP-HPG CONNECTED", "STP-DNG CONNECTED");
        }
        survivor.at(start.plus(Duration.ofHours(2)));
        for (long id : ids) {
            assertThat(survivor.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
            assertThat(jicofo.gateways.count(RoomNames.of(id), "jibri stop " + survivor.roomSystem(id, "STP-HNI")))
                    .isEqualTo(1);
        }
    }
}
