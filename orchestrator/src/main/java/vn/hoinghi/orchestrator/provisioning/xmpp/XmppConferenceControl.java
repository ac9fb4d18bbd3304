package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jitsi.xmpp.extensions.jitsimeet.ConferenceIq;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import vn.hoinghi.orchestrator.provisioning.ConferenceControl;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException.Kind;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;
import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * {@link ConferenceControl} over XMPP (DESIGN.md §3): ConferenceIq to the focus, then HoiNghi's occupant in the
 * room; Jibri SIP and Rayo requests go through that room to the focus, as Jicofo accepts them only from a
 * moderator occupant. {@code @Primary}: it wins over the lead's disconnected fallback when XMPP is enabled.
 */
@Singleton
@Primary
@Requires(property = "hoinghi.xmpp.enabled", value = "true")
public class XmppConferenceControl implements ConferenceControl, AutoCloseable {
    /** mod_muc_resource_validate: no '-' or '.', and Jicofo rejects a nick change. */
    static final Pattern NICK = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_]*$");
    private static final Pattern ROOM = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,127}$");
    private static final Duration READY_POLL = Duration.ofMillis(500);
    private static final int REENTRY_ATTEMPTS = 30;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(XmppConferenceControl.class);

    private final XmppSession session;
    private final RoomEvents events;
    private final Clock clock;
    private final Resourcepart nick;
    private final Jid focus;
    private final Map<String, RoomSession> rooms = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xmpp-room");
        t.setDaemon(true);
        return t;
    });
    private final GatewayCalls gateways;
    /** HoiNghi's seats on the visitor nodes, for the viewers' roll-call; null when none is configured (tools). */
    private final VisitorRooms visitorRooms;

    public XmppConferenceControl(XmppSession session, RoomEvents events, Clock clock) throws XmppStringprepException {
        this(session, events, clock, null);
    }

    @Inject
    public XmppConferenceControl(XmppSession session, RoomEvents events, Clock clock, VisitorRooms visitorRooms)
            throws XmppStringprepException {
        this.visitorRooms = visitorRooms;
        this.session = session;
        this.events = events;
        this.clock = clock;
        String n = session.config().getNick();
        if (!NICK.matcher(n).matches()) {
            throw new IllegalArgumentException("hoinghi.xmpp.nick must match " + NICK.pattern() + ": " + n);
        }
        this.nick = Resourcepart.from(n);
        this.focus = JidCreate.from(session.config().getFocus());
        this.gateways = new GatewayCalls(session.connection(), this::roomJid);
        session.connection().registerIQRequestHandler(new JingleDecliner(session.connection()));
        session.onLogin(c -> rooms.values().forEach(r -> executor.execute(() -> reenter(r))));
    }

    /**
     * After a new login (Prosody restarted, or the connection was lost long enough for the server to drop us) each
     * room this process ran is entered again the proper way: ConferenceIq first (Jicofo may have to re-create the
     * conference), then join. Tried for {@link #REENTRY_ATTEMPTS} seconds, since Jicofo may log in after us; after
     * that {@code RoomKeeper}'s rounds keep trying. Nothing is dialled here.
     */
    private void reenter(RoomSession room) {
        RoomSpec spec = room.spec();
        if (spec == null) {
            return;
        }
        for (int attempt = 1; attempt <= REENTRY_ATTEMPTS && rooms.get(spec.room()) == room; attempt++) {
            try {
                prepare(spec, session.config().getReplyTimeout());
                LOG.info("re-entered {} after a new login", spec.room());
                return;
            } catch (ProvisioningException e) {
                LOG.info("re-entering {} after a new login, attempt {}: {}", spec.room(), attempt, e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public PreparedRoom prepare(RoomSpec spec, Duration timeout) throws ProvisioningException {
        EntityBareJid roomJid = roomJid(spec.room());
        ConferenceIq ready = awaitReady(roomJid, spec.properties(), timeout);
        RoomSession room = rooms.computeIfAbsent(spec.room(), r -> new RoomSession(
                MultiUserChatManager.getInstanceFor(session.connection()).getMultiUserChat(roomJid), r, events,
                clock, executor));
        try {
            room.enter(spec, nick, timeout);
        } catch (Exception e) {
            throw XmppErrors.of("joining " + roomJid, e);
        }
        if (visitorRooms != null) {
            visitorRooms.enter(spec, nick);
        }
        return new PreparedRoom(roomJid.toString(), ready.getFocusJid());
    }

    /** Jicofo answers {@code ready='false'} while it is still creating the room; ask again until the deadline. */
    private ConferenceIq awaitReady(EntityBareJid roomJid, Map<String, String> properties, Duration timeout)
            throws ProvisioningException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConferenceIq request = new ConferenceIq();
            request.setType(IQ.Type.set);
            request.setTo(focus);
            request.setRoom(roomJid);
            if (properties != null) {
                properties.forEach(request::addProperty);
            }
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            ConferenceIq reply = IqExchange.send(session.connection(), request, left, "conference request for " + roomJid);
            if (Boolean.TRUE.equals(reply.isReady())) {
                return reply;
            }
            if (System.nanoTime() + READY_POLL.toNanos() > deadline) {
                throw new ProvisioningException(Kind.TRANSIENT, "timeout", "focus not ready for " + roomJid
                        + " within " + timeout);
            }
            sleep(READY_POLL);
        }
    }

    private static void sleep(Duration d) throws ProvisioningException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(Kind.TRANSIENT, "interrupted", "interrupted");
        }
    }

    EntityBareJid roomJid(String room) throws ProvisioningException {
        if (room == null || !ROOM.matcher(room).matches()) {
            throw new ProvisioningException(Kind.PERMANENT, "bad-request", "not a valid room name: " + room);
        }
        try {
            return JidCreate.entityBareFrom(room + "@" + session.config().getMucDomain());
        } catch (XmppStringprepException e) {
            throw new ProvisioningException(Kind.PERMANENT, "bad-request", "not a valid room name: " + room);
        }
    }

    @Override
    public boolean sitsIn(String room) {
        RoomSession r = rooms.get(room);
        return r != null && MultiUserChatManager.getInstanceFor(session.connection()).getMultiUserChat(r.jid())
                .isJoined();
    }

    private void requireJoined(String room) throws ProvisioningException {
        if (!sitsIn(room)) {
            // Jicofo only takes gateway requests from an occupant: the room must be prepared (again) first.
            throw new ProvisioningException(Kind.TRANSIENT, "not-joined", "HoiNghi is not in room " + room);
        }
    }

    @Override
    public CallHandle dialVideo(String room, String sipAddress, String displayName, Duration timeout)
            throws ProvisioningException {
        requireJoined(room);
        return gateways.startJibri(room, sipAddress, displayName, timeout);
    }

    @Override
    public CallHandle dialAudio(String room, String sipUri, String callerId, Duration timeout)
            throws ProvisioningException {
        requireJoined(room);
        return gateways.dialRayo(room, sipUri, callerId, timeout);
    }

    @Override
    public void hangUp(CallHandle call) throws ProvisioningException {
        gateways.hangUp(call, session.config().getReplyTimeout());
    }

    @Override
    public void release(String room) {
        RoomSession r = rooms.remove(room);
        if (r != null) {
            r.leave();
        }
        if (visitorRooms != null) {
            visitorRooms.release(room);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        rooms.keySet().forEach(this::release);
        executor.shutdownNow();
    }
}
