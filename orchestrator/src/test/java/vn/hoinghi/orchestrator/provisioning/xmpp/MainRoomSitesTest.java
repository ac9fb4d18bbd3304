package vn.hoinghi.orchestrator.provisioning.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * mod_hoinghi_main_room on a real Prosody: HoiNghi's account sets the room's main-room site list (what jitsi-meet's
 * room metadata component sends Jicofo as {@code participants}) from its join presence and from a later presence;
 * the list reaches no other occupant; a site's own attempt is ignored.
 */
class MainRoomSitesTest {
    private static final String NS = "urn:hoinghi:main-room";

    @Test
    void hoinghiSetsTheListAndNobodyElseSeesOrSetsIt() throws Exception {
        try (ProsodyServer prosody = ProsodyServer.startWithMainRoom(
                List.of("hoinghi@" + ProsodyServer.AUTH, "site@" + ProsodyServer.AUTH))) {
            XMPPTCPConnection hoinghi = TestClients.login(prosody, "hoinghi", prosody.auth(), "orchestrator");
            XMPPTCPConnection site = TestClients.login(prosody, "site", prosody.auth(), "web");
            try {
                MultiUserChat own = room(hoinghi, prosody);
                own.addPresenceInterceptor(p -> p.addExtension(sites("HN-01", "HCM-02")));
                own.createOrJoin(Resourcepart.from("hoinghi"));
                assertThat(TestClients.eventually(Duration.ofSeconds(5),
                        () -> prosody.log().contains("Main-room participants of hn1@" + prosody.muc() + ": 2 sites")))
                        .as(prosody.log()).isTrue();

                MultiUserChat seen = room(site, prosody);
                seen.join(Resourcepart.from("site"));
                EntityFullJid hoinghiOccupant = JidCreate.entityFullFrom("hn1@" + prosody.muc() + "/hoinghi");
                assertThat(TestClients.eventually(Duration.ofSeconds(5),
                        () -> seen.getOccupantPresence(hoinghiOccupant) != null)).isTrue();
                Presence hoinghiPresence = seen.getOccupantPresence(hoinghiOccupant);
                assertThat(hoinghiPresence.getExtensionElement("main-room", NS)).isNull();

                // A later list (invitations changed) replaces the first.
                hoinghi.sendStanza(hoinghi.getStanzaFactory().buildPresenceStanza().to(hoinghiOccupant)
                        .addExtension(sites("HN-01")).build());
                assertThat(TestClients.eventually(Duration.ofSeconds(5),
                        () -> prosody.log().contains("Main-room participants of hn1@" + prosody.muc() + ": 1 sites")))
                        .isTrue();

                EntityFullJid siteOccupant = JidCreate.entityFullFrom("hn1@" + prosody.muc() + "/site");
                site.sendStanza(site.getStanzaFactory().buildPresenceStanza().to(siteOccupant)
                        .addExtension(sites("EVIL-01")).build());
                assertThat(TestClients.eventually(Duration.ofSeconds(5),
                        () -> prosody.log().contains("Ignored a main-room list from site@" + prosody.auth())))
                        .isTrue();
                // The site's element changed nothing: still the two lists HoiNghi set.
                assertThat(prosody.log().split("Main-room participants of ", -1)).hasSize(3);
            } finally {
                hoinghi.disconnect();
                site.disconnect();
            }
        }
    }

    @Test
    void preparingARoomSendsItsMainRoomSitesAndAChangedListAgain() throws Exception {
        try (ProsodyServer prosody = ProsodyServer.startWithMainRoom(List.of("focus@" + ProsodyServer.AUTH,
                "hoinghi@" + ProsodyServer.AUTH, "jigasi@" + ProsodyServer.AUTH))) {
            FakeJigasi jigasi = new FakeJigasi(prosody, 1);
            FakeJicofo jicofo = new FakeJicofo(prosody, Duration.ofSeconds(5), jigasi);
            XmppSession session = new XmppSession(TestClients.orchestratorConfig(prosody));
            XmppConferenceControl control = new XmppConferenceControl(session, new RecordingRoomEvents(),
                    Clock.systemUTC());
            try {
                assertThat(session.awaitLogin(Duration.ofSeconds(10))).as(prosody.log()).isTrue();
                String logLine = "Main-room participants of hn2@" + prosody.muc() + ": ";
                control.prepare(spec(List.of("HN-01", "HCM-02")), Duration.ofSeconds(5));
                assertThat(TestClients.eventually(Duration.ofSeconds(5),
                        () -> prosody.log().contains(logLine + "2 sites"))).as(prosody.log()).isTrue();
                control.prepare(spec(List.of("HN-01", "HCM-02", "DNG-03")), Duration.ofSeconds(5));
                assertThat(TestClients.eventually(Duration.ofSeconds(5),
                        () -> prosody.log().contains(logLine + "3 sites"))).as(prosody.log()).isTrue();
            } finally {
                control.close();
                session.close();
                jicofo.close();
                jigasi.close();
            }
        }
    }

    private static RoomSpec spec(List<String> sites) {
        return new RoomSpec("hn2", "Giao ban", "HN-01", null, false, Map.of(), sites);
    }

    private static StandardExtensionElement sites(String... codes) {
        StandardExtensionElement.Builder b = StandardExtensionElement.builder("main-room", NS);
        for (String code : codes) {
            b.addElement(StandardExtensionElement.builder("site", NS).addAttribute("id", code).build());
        }
        return b.build();
    }

    private static MultiUserChat room(XMPPTCPConnection c, ProsodyServer prosody) throws Exception {
        return MultiUserChatManager.getInstanceFor(c).getMultiUserChat(JidCreate.entityBareFrom("hn1@"
                + prosody.muc()));
    }
}
