package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jibri.JibriIq;
import org.jitsi.xmpp.extensions.jibri.SipCallState;
import org.jitsi.xmpp.extensions.rayo.DialIq;
import org.jitsi.xmpp.extensions.rayo.RefIq;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jicofo's Jibri SIP and Rayo handling as DESIGN.md §3 states it: only from a moderator occupant of the room the
 * IQ came through ({@code from.bare == room}); {@code resource-constraint} when all SIP Jibris are busy,
 * {@code unexpected-request} for an address already in a call; call progress in the focus's room presence.
 */
final class FakeJicofoGateways {
    private final FakeJicofo jicofo;
    private final FakeJigasi jigasi;
    /** "<room> <sipaddress>" → session id of active SIP calls (Jicofo keeps them per conference). */
    final Map<String, String> activeSip = new ConcurrentHashMap<>();
    /** Every request as "<room> jibri start|stop <sipaddress>" or "<room> dial <destination>", in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Every SIP session Jicofo actually started, as "<room> <sipaddress>": a refused start is not one. */
    final List<String> started = new CopyOnWriteArrayList<>();
    /** When set, Jibri start requests fail with it (e.g. resource-constraint: all busy). */
    volatile StanzaError.Condition jibriError;
    /**
     * When set, a started SIP call stays {@code pending} until {@link #releaseCallStates()}: a room system that
     * takes its time to answer, as a real one does (Jicofo waits up to 90 s), so its {@code on} can come late.
     */
    volatile boolean holdCallStates;
    private final List<Runnable> heldStates = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();

    FakeJicofoGateways(FakeJicofo jicofo, FakeJigasi jigasi) {
        this.jicofo = jicofo;
        this.jigasi = jigasi;
    }

    void register() {
        jicofo.connection.registerIQRequestHandler(new AbstractIqRequestHandler(JibriIq.ELEMENT, JibriIq.NAMESPACE,
                IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                return jibri((JibriIq) iq);
            }
        });
        jicofo.connection.registerIQRequestHandler(new AbstractIqRequestHandler(DialIq.ELEMENT, DialIq.NAMESPACE,
                IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                return jicofo.answerLater(() -> dial((DialIq) iq));
            }
        });
    }

    /** How many requests of this shape reached Jicofo through {@code room}, e.g. ("hn3", "jibri start sip:a@b"). */
    long count(String room, String request) {
        return requests.stream().filter(r -> r.equals(room + " " + request)).count();
    }

    private static String localpart(EntityBareJid room) {
        return room == null ? "?" : room.getLocalpart().toString();
    }

    private static IQ error(IQ request, StanzaError.Condition condition) {
        return IQ.createErrorResponse(request, StanzaError.getBuilder(condition).build());
    }

    private IQ jibri(JibriIq iq) {
        EntityBareJid room = iq.getFrom().asEntityBareJidIfPossible();
        requests.add(localpart(room) + " jibri " + iq.getAction() + " " + iq.getSipAddress());
        if (room == null || !jicofo.isModerator(room, iq.getFrom())) {
            return error(iq, StanzaError.Condition.forbidden);
        }
        String address = iq.getSipAddress();
        String call = localpart(room) + " " + address;
        if (iq.getAction() == JibriIq.Action.STOP) {
            String session = activeSip.remove(call);
            if (session == null) {
                return error(iq, StanzaError.Condition.item_not_found);
            }
            publish(room, address, session, JibriIq.Status.OFF);
            return JibriIq.createResult(iq, session);
        }
        if (activeSip.containsKey(call)) {
            // BaseJibri looks the session up by address before trying to start one, so this wins over "busy";
            // the session stays until it goes off (a stop, or a failure), pending or on alike.
            return IQ.createErrorResponse(iq, StanzaError.getBuilder(StanzaError.Condition.unexpected_request)
                    .setDescriptiveEnText("Recording or live streaming is already enabled").build());
        }
        if (jibriError != null) {
            return error(iq, jibriError);
        }
        String session = "s" + sessions.incrementAndGet();
        activeSip.put(call, session);
        started.add(call);
        publish(room, address, session, JibriIq.Status.PENDING);
        Runnable on = () -> publish(room, address, session, JibriIq.Status.ON);
        if (holdCallStates) {
            heldStates.add(on);
        } else {
            on.run();
        }
        return JibriIq.createResult(iq, session);
    }

    /** The held room systems answer: their calls go {@code on} in the focus's presence. */
    void releaseCallStates() {
        holdCallStates = false;
        heldStates.forEach(Runnable::run);
        heldStates.clear();
    }

    /**
     * A call Jicofo had accepted fails (the room system hung up, the Jibri died): as BaseJibri does, the session is
     * dropped and the focus publishes it {@code off} with the failure reason.
     */
    void failCall(String room, String address, JibriIq.FailureReason reason) throws Exception {
        String session = activeSip.remove(room + " " + address);
        if (session == null) {
            throw new IllegalStateException("no call to " + address + " in " + room + ": " + activeSip);
        }
        publish(JidCreate.entityBareFrom(room + "@" + ProsodyServer.MUC), address, session, JibriIq.Status.OFF,
                reason);
    }

    private void publish(EntityBareJid room, String address, String session, JibriIq.Status status) {
        publish(room, address, session, status, null);
    }

    /** Call progress rides on the focus's own presence in the room. */
    private void publish(EntityBareJid room, String address, String session, JibriIq.Status status,
                         JibriIq.FailureReason failure) {
        SipCallState state = new SipCallState();
        state.setSipAddress(address);
        state.setSessionId(session);
        state.setState(status);
        if (failure != null) {
            state.setFailureReason(failure);
        }
        try {
            jicofo.connection.sendStanza(jicofo.connection.getStanzaFactory().buildPresenceStanza()
                    .to(JidCreate.entityFullFrom(room + "/focus")).addExtension(state).build());
        } catch (Exception e) {
            requests.add("presence-failed " + e);
        }
    }

    private IQ dial(DialIq iq) {
        EntityBareJid room = iq.getFrom().asEntityBareJidIfPossible();
        requests.add(localpart(room) + " dial " + iq.getDestination());
        if (room == null || !jicofo.isModerator(room, iq.getFrom())) {
            return error(iq, StanzaError.Condition.forbidden);
        }
        if (!room.toString().equals(iq.getHeader("JvbRoomName"))) {
            return error(iq, StanzaError.Condition.bad_request);
        }
        try {
            String occupant = jigasi.join(room, iq.getDestination());
            return RefIq.createResult(iq, "xmpp:" + occupant);
        } catch (Exception e) {
            return error(iq, StanzaError.Condition.service_unavailable);
        }
    }
}
