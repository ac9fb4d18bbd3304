package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jibri.JibriIq;
import org.jitsi.xmpp.extensions.jitsimeet.ConferenceIq;
import org.jitsi.xmpp.extensions.jitsimeet.IdentityPacketExtension;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.provisioning.ConferenceControl.CallHandle;
import vn.hoinghi.orchestrator.provisioning.ConferenceControl.PreparedRoom;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/** Room preparation and gateway calls against a real Prosody and a protocol-faithful fake Jicofo. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppConferenceControlTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration INITIAL_TIMEOUT = Duration.ofSeconds(1);
    private ProsodyServer prosody;
    private FakeJigasi jigasi;
    private FakeJicofo jicofo;
    private XmppSession session;
    private XmppConferenceControl control;
    private final RecordingRoomEvents events = new RecordingRoomEvents();
    private XMPPTCPConnection unit;

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("focus@" + ProsodyServer.AUTH, "hoinghi@" + ProsodyServer.AUTH,
                "jigasi@" + ProsodyServer.AUTH, "unit1@" + ProsodyServer.DOMAIN));
        jigasi = new FakeJigasi(prosody, 2);
        jicofo = new FakeJicofo(prosody, INITIAL_TIMEOUT, jigasi);
        session = new XmppSession(TestClients.orchestratorConfig(prosody));
        assertThat(session.awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
        control = new XmppConferenceControl(session, events, Clock.systemUTC());
        unit = TestClients.login(prosody, "unit1", ProsodyServer.DOMAIN, "browser");
    }

    @AfterAll
    void stop() throws Exception {
        control.close();
        session.close();
        unit.disconnect();
        jicofo.close();
        jigasi.close();
        prosody.close();
    }

    @AfterEach
    void resetFakes() {
        jicofo.silent = false;
        jicofo.conferenceError = null;
        jicofo.gateways.jibriError = null;
    }

    private static RoomSpec spec(String room) {
        return new RoomSpec(room, "Giao ban " + room, "STP-HNI", null, false, Map.of("startAudioMuted", "9"));
    }

    /** A unit's browser joins as Jitsi Meet does, with the identity Prosody's presence_identity would add. */
    private MultiUserChat joinAsUnit(String room, String endpoint, String site) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(unit)
                .getMultiUserChat(JidCreate.entityBareFrom(room + "@" + ProsodyServer.MUC));
        muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(endpoint)).withPresence(p -> {
            if (site != null) {
                p.addExtension(new IdentityPacketExtension(site, "Sở Tư pháp Hà Nội", null, null));
            }
        }).build());
        return muc;
    }

    @Test
    void preparesTheRoomDeclinesJingleAndMakesTheHostModerator() throws Exception {
        PreparedRoom prepared = control.prepare(spec("giaoban1"), WAIT);

        assertThat(prepared.roomJid()).isEqualTo("giaoban1@" + ProsodyServer.MUC);
        assertThat(prepared.focusJid()).isEqualTo("focus@" + ProsodyServer.AUTH);
        assertThat(eventually(WAIT, () -> jicofo.jingleAnswers.contains("session-terminate hoinghi decline")))
                .as("Jingle answers: %s", jicofo.jingleAnswers).isTrue();
        // Our occupant keeps the room alive past Jicofo's initial timeout.
        Thread.sleep(INITIAL_TIMEOUT.toMillis() + 300);
        assertThat(jicofo.destroyed).noneMatch(d -> d.startsWith("giaoban1 "));

        MultiUserChat host = joinAsUnit("giaoban1", "ab12cd34", "STP-HNI");
        assertThat(eventually(WAIT, () -> "Giao ban giaoban1".equals(host.getSubject())))
                .as("subject %s", host.getSubject()).isTrue();
        var hostJid = JidCreate.entityFullFrom("giaoban1@" + ProsodyServer.MUC + "/ab12cd34");
        assertThat(eventually(WAIT, () -> events.events.contains("joined giaoban1 ab12cd34 STP-HNI"))).isTrue();
        assertThat(eventually(WAIT, () -> jicofo.occupant(hostJid.asEntityBareJid(), hostJid) != null
                && jicofo.occupant(hostJid.asEntityBareJid(), hostJid).getRole() == MUCRole.moderator))
                .as("host granted moderator").isTrue();

        host.leave();
        assertThat(eventually(WAIT, () -> events.events.contains("left giaoban1 ab12cd34"))).isTrue();
        // Preparing again is idempotent: same room, no second join.
        assertThat(control.prepare(spec("giaoban1"), WAIT).roomJid()).isEqualTo(prepared.roomJid());
        control.release("giaoban1");
        assertThat(eventually(WAIT, () -> jicofo.destroyed.contains("giaoban1 last member left"))).isTrue();
    }

    @Test
    void anOccupantWithoutIdentityIsReportedButNotPromoted() throws Exception {
        control.prepare(spec("giaoban2"), WAIT);
        MultiUserChat guest = joinAsUnit("giaoban2", "guest1", null);
        var guestJid = JidCreate.entityFullFrom("giaoban2@" + ProsodyServer.MUC + "/guest1");
        assertThat(eventually(WAIT, () -> events.events.contains("joined giaoban2 guest1 null"))).isTrue();
        Thread.sleep(300);
        assertThat(jicofo.occupant(guestJid.asEntityBareJid(), guestJid).getRole()).isNotEqualTo(MUCRole.moderator);
        guest.leave();
        control.release("giaoban2");
    }

    @Test
    void aSilentFocusIsATransientTimeout() {
        jicofo.silent = true;
        assertThatThrownBy(() -> control.prepare(spec("giaoban3"), Duration.ofMillis(800)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.TRANSIENT);
                    assertThat(e.condition()).isEqualTo("timeout");
                });
        assertThat(session.isUp()).isTrue();
    }

    @Test
    void focusRefusalsAreSortedByWhetherRetryHelps() {
        jicofo.conferenceError = StanzaError.Condition.service_unavailable;
        assertThatThrownBy(() -> control.prepare(spec("giaoban4"), WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.TRANSIENT);
                    assertThat(e.condition()).isEqualTo("service-unavailable");
                });
        jicofo.conferenceError = StanzaError.Condition.item_not_found;
        assertThatThrownBy(() -> control.prepare(spec("giaoban4"), WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.PERMANENT);
                    assertThat(e.condition()).isEqualTo("item-not-found");
                });
        jicofo.conferenceError = StanzaError.Condition.conflict;
        assertThatThrownBy(() -> control.prepare(spec("giaoban4"), WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.PERMANENT));
    }

    @Test
    void anEmptyConferenceDiesAfterTheInitialTimeout() throws Exception {
        // Someone else (not HoiNghi) asks for a conference and never joins it.
        ConferenceIq iq = new ConferenceIq();
        iq.setType(IQ.Type.set);
        iq.setTo(JidCreate.from("focus@" + ProsodyServer.AUTH + "/focus"));
        iq.setRoom(JidCreate.entityBareFrom("bo_trong@" + ProsodyServer.MUC));
        ConferenceIq reply = unit.createStanzaCollectorAndSend(iq).nextResultOrThrow(5000);
        assertThat(reply.isReady()).isTrue();
        assertThat(eventually(Duration.ofSeconds(4), () -> jicofo.destroyed.contains("bo_trong initial timeout")))
                .isTrue();
    }

    @Test
    void videoRoomSystemsAreDialledThroughTheRoomAndReportProgress() throws Exception {
        control.prepare(spec("giaoban5"), WAIT);
        CallHandle call = control.dialVideo("giaoban5", "sip:phonghop@thads.gov.vn", "THADS Hà Nội", WAIT);
        assertThat(call.kind()).isEqualTo(CallHandle.Kind.JIBRI_SIP);
        assertThat(call.id()).startsWith("s");
        assertThat(eventually(WAIT, () -> events.events.contains("sip giaoban5 sip:phonghop@thads.gov.vn on")))
                .as("%s", events.events).isTrue();

        assertThatThrownBy(() -> control.dialVideo("giaoban5", "sip:phonghop@thads.gov.vn", "again", WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.PERMANENT);
                    // Jicofo's unexpected-request: a call to that address is already up or ringing in the room.
                    assertThat(e.condition()).isEqualTo(ProvisioningException.ALREADY_ACTIVE);
                    assertThat(e.getMessage()).contains("sip:phonghop@thads.gov.vn", "unexpected-request");
                });
        control.hangUp(call);
        assertThat(jicofo.gateways.activeSip).isEmpty();
        assertThat(eventually(WAIT, () -> events.events.contains("sip giaoban5 sip:phonghop@thads.gov.vn off")))
                .isTrue();
        control.release("giaoban5");
    }

    @Test
    void busyJibrisAreTransientSoThePolicyCanFallBackToAudio() throws Exception {
        control.prepare(spec("giaoban6"), WAIT);
        jicofo.gateways.jibriError = StanzaError.Condition.resource_constraint;
        assertThatThrownBy(() -> control.dialVideo("giaoban6", "sip:a@b.vn", "A", WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.TRANSIENT);
                    assertThat(e.condition()).isEqualTo("resource-constraint");
                });
        jicofo.gateways.jibriError = StanzaError.Condition.service_unavailable;
        assertThatThrownBy(() -> control.dialVideo("giaoban6", "sip:a@b.vn", "A", WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.TRANSIENT));
        jicofo.gateways.jibriError = null;
        CallHandle audio = control.dialAudio("giaoban6", "sip:0241234567@gw.hoinghi.local", "HoiNghi", WAIT);
        assertThat(audio.kind()).isEqualTo(CallHandle.Kind.JIGASI_AUDIO);
        control.hangUp(audio);
        control.release("giaoban6");
    }

    @Test
    void audioDialOutReturnsTheJigasiOccupantAndHangupReachesIt() throws Exception {
        control.prepare(spec("giaoban7"), WAIT);
        CallHandle call = control.dialAudio("giaoban7", "sip:0987654321@gw.hoinghi.local", "HoiNghi", WAIT);

        assertThat(call.id()).matches("xmpp:giaoban7@conference\\.meet\\.test/jigasi_\\d+");
        String nick = call.id().substring(call.id().indexOf('/') + 1);
        assertThat(eventually(WAIT, () -> events.events.contains("joined giaoban7 " + nick + " null"))).isTrue();

        control.hangUp(call);
        assertThat(jigasi.hangups).contains("hangup giaoban7@" + ProsodyServer.MUC + "/hoinghi");
        assertThat(eventually(WAIT, () -> events.events.contains("left giaoban7 " + nick))).isTrue();
        control.release("giaoban7");
    }

    @Test
    void gatewayRequestsNeedTheRoomAndJicofoRefusesNonModerators() throws Exception {
        assertThatThrownBy(() -> control.dialVideo("chua_chuan_bi", "sip:a@b.vn", "A", WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.condition()).isEqualTo("not-joined"));
        assertThatThrownBy(() -> control.prepare(spec("Bad Room!"), WAIT))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.PERMANENT));

        // The fake is faithful: a plain participant asking for a SIP call through the room is forbidden.
        control.prepare(spec("giaoban8"), WAIT);
        MultiUserChat guest = joinAsUnit("giaoban8", "guest2", null);
        JibriIq iq = new JibriIq();
        iq.setType(IQ.Type.set);
        iq.setTo(JidCreate.from("giaoban8@" + ProsodyServer.MUC + "/focus"));
        iq.setAction(JibriIq.Action.START);
        iq.setSipAddress("sip:x@y.vn");
        assertThatThrownBy(() -> unit.createStanzaCollectorAndSend(iq).nextResultOrThrow(5000))
                .hasMessageContaining("forbidden");
        guest.leave();
        control.release("giaoban8");
    }
}
