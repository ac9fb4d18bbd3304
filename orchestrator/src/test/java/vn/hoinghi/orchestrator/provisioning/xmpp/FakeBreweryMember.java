package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jitsi.xmpp.extensions.colibri.ColibriStatsExtension;

import java.util.Map;

/**
 * A JVB, Jigasi or Jibri sitting in its brewery and publishing what the real one does in its MUC presence
 * (colibri stats, or jibri-status). Going silent is simply not publishing; {@link #leave()} is a MUC leave.
 */
final class FakeBreweryMember implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final MultiUserChat muc;

    FakeBreweryMember(ProsodyServer prosody, String account, String brewery, String nick) throws Exception {
        connection = TestClients.login(prosody, account, ProsodyServer.AUTH, nick);
        muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(JidCreate.entityBareFrom(brewery));
        muc.createOrJoin(Resourcepart.from(nick));
    }

    static ColibriStatsExtension stats(Map<String, Object> values) {
        ColibriStatsExtension stats = new ColibriStatsExtension();
        values.forEach(stats::addStat);
        return stats;
    }

    void publish(ExtensionElement extension) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                .to(JidCreate.entityFullFrom(muc.getRoom() + "/" + muc.getNickname())).addExtension(extension)
                .build());
    }

    void leave() throws Exception {
        muc.leave();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
