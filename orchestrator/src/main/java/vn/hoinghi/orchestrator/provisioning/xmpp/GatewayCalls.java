package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jibri.JibriIq;
import org.jitsi.xmpp.extensions.rayo.DialIq;
import org.jitsi.xmpp.extensions.rayo.HangUp;
import org.jitsi.xmpp.extensions.rayo.RefIq;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import vn.hoinghi.orchestrator.provisioning.ConferenceControl.CallHandle;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException.Kind;

import java.time.Duration;

/**
 * Jibri SIP and Rayo requests (DESIGN.md §3). Both go to {@code room@conference/focus}: Jicofo checks that the
 * sender is a moderator occupant of that very room, so they are never sent to the focus component directly.
 */
final class GatewayCalls {
    /** Jigasi keeps the call in the room named by this header. */
    static final String ROOM_HEADER = "JvbRoomName";

    interface RoomJids {
        EntityBareJid of(String room) throws ProvisioningException;
    }

    private final XMPPConnection connection;
    private final RoomJids rooms;

    GatewayCalls(XMPPConnection connection, RoomJids rooms) {
        this.connection = connection;
        this.rooms = rooms;
    }

    private Jid focusIn(String room) throws ProvisioningException {
        return JidCreate.entityFullFrom(rooms.of(room), Resourcepart.fromOrThrowUnchecked(RoomSession.FOCUS_NICK));
    }

    CallHandle startJibri(String room, String sipAddress, String displayName, Duration timeout)
            throws ProvisioningException {
        JibriIq iq = jibri(room, JibriIq.Action.START, sipAddress);
        iq.setDisplayName(displayName);
        try {
            JibriIq reply = IqExchange.send(connection, iq, timeout.toMillis(), "Jibri SIP call to " + sipAddress);
            return new CallHandle(room, CallHandle.Kind.JIBRI_SIP, sipAddress, reply.getSessionId());
        } catch (ProvisioningException e) {
            // Jicofo (BaseJibri) keeps one SIP session per address per conference until it goes off, and answers
            // any further start for that address with unexpected-request: the address is already being called.
            if (StanzaError.Condition.unexpected_request.toString().equals(e.condition())) {
                throw new ProvisioningException(Kind.PERMANENT, ProvisioningException.ALREADY_ACTIVE,
                        "Jicofo already has a call to " + sipAddress + " in " + room + " (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    CallHandle dialRayo(String room, String sipUri, String callerId, Duration timeout) throws ProvisioningException {
        DialIq dial = DialIq.create(sipUri, callerId);
        dial.setType(IQ.Type.set);
        dial.setTo(focusIn(room));
        dial.setHeader(ROOM_HEADER, rooms.of(room).toString());
        RefIq ref = IqExchange.send(connection, dial, timeout.toMillis(), "audio dial-out to " + sipUri);
        if (ref.getUri() == null || !ref.getUri().startsWith("xmpp:")) {
            throw new ProvisioningException(Kind.TRANSIENT, "bad-reply", "Rayo reply without an xmpp: ref uri");
        }
        return new CallHandle(room, CallHandle.Kind.JIGASI_AUDIO, sipUri, ref.getUri());
    }

    void hangUp(CallHandle call, Duration timeout) throws ProvisioningException {
        IQ request;
        if (call.kind() == CallHandle.Kind.JIBRI_SIP) {
            JibriIq stop = jibri(call.room(), JibriIq.Action.STOP, call.target());
            stop.setSessionId(call.id());
            request = stop;
        } else {
            try {
                // The ref uri names Jigasi's occupant in the room: the hangup goes to it, not to the focus.
                request = HangUp.create(connection.getUser(), JidCreate.from(call.id().substring("xmpp:".length())));
            } catch (XmppStringprepException e) {
                throw new ProvisioningException(Kind.PERMANENT, "bad-request", "not a call address: " + call.id());
            }
            request.setType(IQ.Type.set);
        }
        IqExchange.send(connection, request, timeout.toMillis(), "hang-up of " + call.target());
    }

    private JibriIq jibri(String room, JibriIq.Action action, String sipAddress) throws ProvisioningException {
        JibriIq iq = new JibriIq();
        iq.setType(IQ.Type.set);
        iq.setTo(focusIn(room));
        iq.setAction(action);
        iq.setSipAddress(sipAddress);
        return iq;
    }
}
