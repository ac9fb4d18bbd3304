package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException.Kind;

/** One IQ request and its reply, with every failure turned into a {@link ProvisioningException}. */
final class IqExchange {
    private IqExchange() {
    }

    static <T extends IQ> T send(XMPPConnection c, IQ request, long timeoutMillis, String what)
            throws ProvisioningException {
        if (!c.isAuthenticated()) {
            throw new ProvisioningException(Kind.TRANSIENT, "not-connected", what + ": XMPP connection is down");
        }
        try {
            return c.createStanzaCollectorAndSend(request).nextResultOrThrow(Math.max(1, timeoutMillis));
        } catch (Exception e) {
            throw XmppErrors.of(what, e);
        }
    }
}
