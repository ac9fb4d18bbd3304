package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jingle.JingleAction;
import org.jitsi.xmpp.extensions.jingle.JingleIQ;
import org.jitsi.xmpp.extensions.jingle.Reason;
import org.jitsi.xmpp.extensions.jingle.ReasonPacketExtension;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * HoiNghi's occupant carries no media, so it answers Jicofo's Jingle offer at once: acknowledges the IQ (as
 * XEP-0166 requires) and terminates the session with {@code <decline/>}, so Jicofo frees the bridge channels.
 */
final class JingleDecliner extends AbstractIqRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JingleDecliner.class);
    private final XMPPConnection connection;
    private final AtomicLong declined = new AtomicLong();

    JingleDecliner(XMPPConnection connection) {
        super(JingleIQ.ELEMENT, JingleIQ.NAMESPACE, IQ.Type.set, IQRequestHandler.Mode.async);
        this.connection = connection;
    }

    @Override
    public IQ handleIQRequest(IQ request) {
        JingleIQ jingle = (JingleIQ) request;
        if (jingle.getAction() != JingleAction.SESSION_INITIATE) {
            return IQ.createResultIQ(request);
        }
        JingleIQ terminate = new JingleIQ(JingleAction.SESSION_TERMINATE, jingle.getSID());
        terminate.setType(IQ.Type.set);
        terminate.setTo(jingle.getFrom());
        terminate.setReason(new ReasonPacketExtension(Reason.DECLINE, "HoiNghi carries no media", null));
        // The ack must leave before the terminate, so both are sent here in order and Smack sends nothing.
        try {
            connection.sendStanza(IQ.createResultIQ(request));
            connection.sendStanza(terminate);
            declined.incrementAndGet();
        } catch (Exception e) {
            LOG.warn("could not decline Jingle session {}: {}", jingle.getSID(), e.toString());
        }
        return null;
    }

    long declined() {
        return declined.get();
    }
}
