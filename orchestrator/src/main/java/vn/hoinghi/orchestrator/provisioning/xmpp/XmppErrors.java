package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException.Kind;

import java.util.Set;

/** Jicofo's refusals (DESIGN.md §3) sorted into "retry can help" and "do not retry". */
final class XmppErrors {
    /** Busy, none available or something in between down: another attempt later may succeed. */
    private static final Set<StanzaError.Condition> TRANSIENT = Set.of(
            StanzaError.Condition.resource_constraint, StanzaError.Condition.service_unavailable,
            StanzaError.Condition.remote_server_timeout, StanzaError.Condition.remote_server_not_found,
            StanzaError.Condition.recipient_unavailable, StanzaError.Condition.internal_server_error);

    private XmppErrors() {
    }

    static ProvisioningException of(String what, Exception e) {
        if (e instanceof XMPPException.XMPPErrorException xe) {
            StanzaError error = xe.getStanzaError();
            String condition = error.getCondition().toString();
            Kind kind = TRANSIENT.contains(error.getCondition()) ? Kind.TRANSIENT : Kind.PERMANENT;
            String text = error.getDescriptiveText() == null ? "" : ": " + error.getDescriptiveText();
            return new ProvisioningException(kind, condition, what + " refused (" + condition + text + ")");
        }
        if (e instanceof SmackException.NoResponseException) {
            return new ProvisioningException(Kind.TRANSIENT, "timeout", what + ": no answer in time");
        }
        if (e instanceof SmackException.NotConnectedException) {
            return new ProvisioningException(Kind.TRANSIENT, "not-connected", what + ": XMPP connection is down");
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProvisioningException(Kind.TRANSIENT, "interrupted", what + ": interrupted");
        }
        return new ProvisioningException(Kind.TRANSIENT, "error", what + ": " + e);
    }
}
