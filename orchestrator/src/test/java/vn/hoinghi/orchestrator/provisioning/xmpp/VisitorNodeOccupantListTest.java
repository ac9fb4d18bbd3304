package vn.hoinghi.orchestrator.provisioning.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import java.time.Duration;

/**
 * mod_hoinghi_roll_call's lean occupant list on a real visitor-node Prosody: with it, each joining viewer is sent
 * exactly what Prosody's own code sends (Jicofo's and HoiNghi's presence, then its own; never another viewer's) and
 * HoiNghi still hears every viewer, while Prosody no longer builds a presence per viewer already there for each
 * join. The same crowd joins one node with the option off and one with it on; the stanzas are counted, and each
 * node's CPU for the joins is printed (a figure, not asserted: {@code bench/all-hands.sh} measures the whole).
 */
class VisitorNodeOccupantListTest {
    private static final int VIEWERS = 300;
    private static final String ROOM = "hoinghi-allhands";

    @Test
    void aJoiningViewerGetsTheSameStanzasWithoutTheQuadraticBuild() throws Exception {
        Joined plain = joinViewers(false);
        Joined lean = joinViewers(true);

        // Per viewer: the focus's presence, HoiNghi's, and its own self-presence (status 110).
        assertThat(plain.presencesToViewers()).isEqualTo(3L * VIEWERS);
        assertThat(lean.presencesToViewers()).isEqualTo(plain.presencesToViewers());
        assertThat(lean.viewersHoiNghiHears()).isEqualTo(plain.viewersHoiNghiHears()).isEqualTo(VIEWERS);
        System.out.printf("COST visitor node, %d viewers joining one room: Prosody CPU %.2f s with Prosody's "
                + "occupant list, %.2f s with the lean one%n", VIEWERS, plain.cpuSeconds(), lean.cpuSeconds());
    }

    private record Joined(long presencesToViewers, int viewersHoiNghiHears, double cpuSeconds) {
    }

    private static Joined joinViewers(boolean lean) throws Exception {
        try (ProsodyServer node = ProsodyServer.startVisitorNode("v1", lean)) {
            XMPPTCPConnection focus = TestClients.login(node, "focus", node.auth(), "focus");
            XMPPTCPConnection hoinghi = TestClients.login(node, "hoinghi", node.auth(), "orchestrator");
            try {
                // Jicofo creates the node's room before it sends anyone there; HoiNghi follows it (VisitorRooms).
                room(focus, node).createOrJoin(Resourcepart.from("focus"));
                MultiUserChat roll = room(hoinghi, node);
                roll.join(Resourcepart.from("hoinghi"));
                double cpu0 = node.cpuSeconds();
                try (ParticipantCrowd crowd = new ParticipantCrowd(node)) {
                    for (int n = 0; n < VIEWERS; n++) {
                        crowd.join(ROOM, n, String.format("STP-%03d", n), "Sở Tư pháp " + n);
                    }
                    assertThat(TestClients.eventually(Duration.ofSeconds(120), () -> crowd.confirmed() >= VIEWERS))
                            .as("joins confirmed: %d", crowd.confirmed()).isTrue();
                    double cpu = node.cpuSeconds() - cpu0;
                    // HoiNghi's forwarded presences travel on their own connection: wait until they are all in.
                    TestClients.eventually(Duration.ofSeconds(30), () -> roll.getOccupantsCount() >= VIEWERS + 2);
                    return new Joined(crowd.presences(), roll.getOccupantsCount() - 2, cpu);
                }
            } finally {
                focus.disconnect();
                hoinghi.disconnect();
            }
        }
    }

    private static MultiUserChat room(XMPPTCPConnection c, ProsodyServer node) throws Exception {
        return MultiUserChatManager.getInstanceFor(c).getMultiUserChat(JidCreate.entityBareFrom(ROOM + "@"
                + node.muc()));
    }
}
