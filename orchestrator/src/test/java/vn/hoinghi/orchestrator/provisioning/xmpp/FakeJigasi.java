package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.rayo.HangUp;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jigasi's side of an audio dial-out: each call joins the conference room as its own occupant (as the real one
 * does, one XMPP session per call), which is what the Rayo {@code ref} names; a Rayo {@code <hangup/>} to that
 * occupant ends the call and it leaves. Several sessions, so several calls can share a room.
 */
final class FakeJigasi implements AutoCloseable {
    private final List<XMPPTCPConnection> sessions = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final ExecutorService leaving = Executors.newCachedThreadPool();
    /** "hangup <room>/<nick>" per hangup received. */
    final List<String> hangups = new CopyOnWriteArrayList<>();

    FakeJigasi(ProsodyServer prosody, int sessions) throws Exception {
        for (int i = 0; i < sessions; i++) {
            XMPPTCPConnection c = TestClients.login(prosody, "jigasi", ProsodyServer.AUTH, "call" + i);
            c.registerIQRequestHandler(new AbstractIqRequestHandler(HangUp.ELEMENT, HangUp.NAMESPACE, IQ.Type.set,
                    IQRequestHandler.Mode.async) {
                @Override
                public IQ handleIQRequest(IQ iq) {
                    return hangUp(c, iq);
                }
            });
            this.sessions.add(c);
        }
    }

    /** Joins {@code room} for a call to {@code destination}; returns the occupant address for the ref. */
    String join(EntityBareJid room, String destination) throws Exception {
        for (XMPPTCPConnection c : sessions) {
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(c).getMultiUserChat(room);
            synchronized (muc) {
                if (!muc.isJoined()) {
                    Resourcepart nick = Resourcepart.from("jigasi_" + calls.incrementAndGet());
                    muc.join(muc.getEnterConfigurationBuilder(nick).requestNoHistory().build());
                    return room + "/" + nick;
                }
            }
        }
        throw new IllegalStateException("all fake Jigasi sessions are in " + room + " already");
    }

    private IQ hangUp(XMPPTCPConnection c, IQ iq) {
        // The hangup reached us through the room: its 'to' was our occupant address.
        hangups.add("hangup " + iq.getFrom());
        try {
            // Answer before leaving: once we are out of the room, Prosody cannot route our reply through it.
            c.sendStanza(IQ.createResultIQ(iq));
        } catch (Exception e) {
            hangups.add("reply-failed " + e);
        }
        // Off Smack's capped handler threads: the leave waits for presence that needs one of them.
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(c).getMultiUserChat(iq.getFrom().asEntityBareJidIfPossible());
        leaving.execute(() -> leave(muc));
        return null;
    }

    private static void leave(MultiUserChat muc) {
        try {
            muc.leave();
        } catch (Exception e) {
            // Already gone.
        }
    }

    int callCount() {
        return calls.get();
    }

    @Override
    public void close() {
        leaving.shutdownNow();
        sessions.forEach(XMPPTCPConnection::disconnect);
    }
}
