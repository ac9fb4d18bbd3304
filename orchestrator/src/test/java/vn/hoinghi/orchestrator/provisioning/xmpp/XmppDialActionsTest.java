package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.DialActions;
import vn.hoinghi.orchestrator.provisioning.DialActionsController.Attempt;
import vn.hoinghi.orchestrator.provisioning.DialLog;
import vn.hoinghi.orchestrator.provisioning.DialMethod;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.ProvisioningStore;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.sites.SiteContact;
import vn.hoinghi.orchestrator.sites.SiteContacts;
import vn.hoinghi.orchestrator.support.Api;
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

/**
 * The operator's Retry and Escalate on a live meeting, over HTTP, against the real application on a real Prosody
 * with the fake Jicofo, Jibri SIP gateway and Jigasi; time moved by hand. Retry must dial exactly once more and
 * be refused whenever it would dial a room system twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppDialActionsTest {
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private EmbeddedServer server;
    private ApplicationContext ctx;
    private HandDriver run;
    private Api operator;

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH));
        jigasi = new FakeJigasi(prosody, 2);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        FakeFleet.CLOCK.set(Instant.now());
        Map<String, Object> p = new HashMap<>(HandDriver.properties(TestPostgres.freshDatabase(getClass())));
        p.putAll(TestClients.orchestratorProperties(prosody));
        p.put("micronaut.server.port", -1);
        p.put("test.recording-texts", true);
        server = ApplicationContext.run(EmbeddedServer.class, p);
        ctx = server.getApplicationContext();
        run = new HandDriver(ctx);
        ctx.getBean(Fixtures.class).ministryWithUsers();
        assertThat(ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
        operator = Api.login(HttpClient.create(server.getURL()).toBlocking(), "vanhanh", Fixtures.PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        jicofo.close();
        jigasi.close();
        prosody.close();
    }

    private long bookRoomSystem(String site) {
        Instant start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        long id = run.book(start, Duration.ofHours(1),
                List.of(new BookingRequest.Invite(site, "INTERACTIVE", "ROOM_SYSTEM", null)));
        return id;
    }

    private void goLive(long id) {
        run.at(run.meeting(id).start().toInstant());
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.LIVE);
    }

    private HttpResponse<String> post(long id, String site, String action, Object body) {
        return operator.text(HttpRequest.POST("/api/v1/meetings/" + id + "/room-systems/" + site + "/" + action,
                body == null ? "" : body));
    }

    private List<Attempt> attempts(long id) {
        return operator.send(HttpRequest.GET("/api/v1/meetings/" + id + "/dial-attempts"),
                Argument.listOf(Attempt.class)).body();
    }

    private long jibriStarts(long id, String address) {
        return jicofo.gateways.count(RoomNames.of(id), "jibri start " + address);
    }

    @Test
    void retryRedialsOnceThroughTheLadderAndIsRefusedWhenItWouldDialTwice() {
        long id = bookRoomSystem("STP-HNI");
        String address = run.roomSystem(id, "STP-HNI");
        assertThat(post(id, "STP-HNI", "retry", null).getBody().orElseThrow())
                .as("before the meeting is live").contains("\"code\":\"meeting-not-live\"");

        jicofo.gateways.jibriError = StanzaError.Condition.resource_constraint;
        goLive(id);
        List<Attempt> failed = attempts(id);
        assertThat(failed).extracting(Attempt::rung, Attempt::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("jibri", "FAILED"));
        assertThat(failed.get(0).reason()).contains("resource-constraint");

        // Every Jibri is busy; the ladder waits its backoff. The operator freed one and redials now.
        jicofo.gateways.jibriError = null;
        long before = jibriStarts(id, address);
        HttpResponse<String> retried = post(id, "STP-HNI", "retry", null);
        assertThat(retried.code()).as(retried.getBody().orElse("")).isEqualTo(202);
        run.runUntilQuiet();
        assertThat(jibriStarts(id, address)).as("one more dial, no double").isEqualTo(before + 1);
        assertThat(attempts(id)).extracting(Attempt::outcome).containsExactly("FAILED", "CONNECTED");
        // The superseded backoff job does not dial again when its time comes.
        run.at(FakeFleet.CLOCK.instant().plus(Duration.ofMinutes(5)));
        assertThat(jibriStarts(id, address)).isEqualTo(before + 1);

        HttpResponse<String> up = post(id, "STP-HNI", "retry", null);
        assertThat(up.code()).isEqualTo(409);
        assertThat(up.getBody().orElseThrow()).contains("\"code\":\"call-already-up\"");
        assertThat(up.getHeaders().get("Content-Type")).startsWith("application/problem+json");

        assertThat(ctx.getBean(AuditLog.class).history("meeting", Long.toString(id)))
                .filteredOn(r -> r.action().equals("dial.retry")).singleElement()
                .satisfies(r -> assertThat(r.actor()).isEqualTo("vanhanh"));
        run.at(run.meeting(id).end().toInstant());
    }

    @Test
    void aRetryWaitsForAnAttemptThatMayStillRingAndUnknownsAre404() {
        long id = bookRoomSystem("STP-HPG");
        jicofo.gateways.jibriError = StanzaError.Condition.resource_constraint;
        goLive(id);
        jicofo.gateways.jibriError = null;
        // An attempt written before its dial, with no answer yet: the gateway may be ringing the room system.
        Attempt first = attempts(id).get(0);
        DialLog log = ctx.getBean(DialLog.class);
        long jobId = log.forMeeting(id).get(0).jobId();
        log.start(jobId, id, "STP-HPG", DialMethod.VIDEO, first.target(), 99);
        HttpResponse<String> ringing = post(id, "STP-HPG", "retry", null);
        assertThat(ringing.code()).isEqualTo(409);
        assertThat(ringing.getBody().orElseThrow()).contains("\"code\":\"call-ringing\"");

        assertThat(post(id, "STP-XXX", "retry", null).code()).isEqualTo(404);
        assertThat(post(999_999, "STP-HPG", "retry", null).code()).isEqualTo(404);
        assertThat(operator.text(HttpRequest.GET("/api/v1/meetings/999999/dial-attempts")).code()).isEqualTo(404);
        Api unit = Api.login(HttpClient.create(server.getURL()).toBlocking(), "stp-hni", Fixtures.PASSWORD);
        assertThat(unit.text(HttpRequest.POST("/api/v1/meetings/" + id + "/room-systems/STP-HPG/retry", ""))
                .code()).as("a unit operator may not redial").isEqualTo(403);
        run.at(run.meeting(id).end().toInstant());
    }

    @Test
    void escalateRaisesACriticalAlertStoresARowAndTextsTheSiteContacts() {
        ctx.getBean(SiteContacts.class).replace(Caller.SYSTEM, "STP-HNI", List.of(
                new SiteContact("Nguyễn Văn Kỹ", "Kỹ thuật", "0901000001", null),
                new SiteContact("Trần Thị Văn", "Văn phòng", "0901000002", "vp@example.vn"),
                new SiteContact("Lê Mail", "Lãnh đạo", null, "ld@example.vn")));
        long id = bookRoomSystem("STP-HNI");
        goLive(id);
        RecordingTextMessages texts = ctx.getBean(RecordingTextMessages.class);
        texts.sent.clear();

        HttpResponse<String> r = post(id, "stp-hni", "escalate", Map.of("note", "Gọi ba lần không được"));
        assertThat(r.code()).as(r.getBody().orElse("")).isEqualTo(201);
        assertThat(r.getBody().orElseThrow()).contains("\"textsSent\":2", "\"textsFailed\":0");
        assertThat(texts.sent).hasSize(2).allSatisfy(t -> assertThat(t).contains("STP-HNI", "Gọi ba lần"));
        assertThat(texts.sent).extracting(t -> t.substring(0, 10)).containsExactly("0901000001", "0901000002");

        assertThat(ctx.getBean(Probe.class).read(() -> ctx.getBean(ProvisioningStore.class).openAlerts()))
                .anySatisfy(a -> {
                    assertThat(a.meetingId()).isEqualTo(id);
                    assertThat(a.severity()).isEqualTo("CRITICAL");
                    assertThat(a.message()).contains("vanhanh", "STP-HNI");
                });
        assertThat(ctx.getBean(DialActions.class).escalations(id)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("vanhanh");
            assertThat(e.note()).isEqualTo("Gọi ba lần không được");
            assertThat(e.textsSent()).isEqualTo(2);
        });
        assertThat(ctx.getBean(AuditLog.class).history("meeting", Long.toString(id)))
                .extracting(a -> a.action()).contains("dial.escalate");
        assertThat(post(id, "STP-HNI", "escalate", Map.of("note", "x".repeat(501))).code()).isEqualTo(400);
        run.at(run.meeting(id).end().toInstant());
    }
}
