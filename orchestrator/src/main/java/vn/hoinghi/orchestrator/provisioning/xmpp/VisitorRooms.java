package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;
import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * HoiNghi's occupants in the visitor-node rooms of its conferences, for the roll-call of viewers (DESIGN §4, the
 * orchestrator README "all-hands"). Viewers of a large meeting are sent by Jicofo to visitor nodes, where nobody but
 * Jicofo hears their presence (that is what keeps a node O(N)); mod_hoinghi_roll_call on each node also hands it to
 * HoiNghi's occupant there. So, as Jicofo does, HoiNghi keeps one XMPP connection per configured node and sits in
 * the room of the same name on a node while it runs the conference; each such room reports only its visitors to
 * the roll-call, under the main room's name.
 *
 * <p>HoiNghi follows Jicofo onto a node and never goes first: every {@code visitor-room-poll} it asks each node
 * (disco#info) whether the rooms of its conferences exist there, and enters those that do. Going first would create
 * the room (HoiNghi is admin there), and jitsi-meet's mod_fmuc takes the first non-focus, non-visitor occupant a
 * node ever sees for the main Prosody's domain. Visitors who came before HoiNghi are handed over by the module when
 * it enters. A node that is down does not stop the meeting: it is logged and tried again on the next round.
 */
@Singleton
@Requires(property = "hoinghi.xmpp.enabled", value = "true")
public class VisitorRooms implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorRooms.class);

    private final List<Node> nodes = new ArrayList<>();
    private final RoomEvents events;
    /** Rooms being entered now (a slow join is not started twice by the next round). */
    private final java.util.Set<RoomSession> busy = ConcurrentHashMap.newKeySet();
    private final java.time.Duration joinTimeout;
    private final Clock clock;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xmpp-visitor-room");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xmpp-visitor-poll");
        t.setDaemon(true);
        return t;
    });

    private record Node(String id, XmppSession session, Map<String, RoomSession> rooms) {
    }

    public VisitorRooms(XmppConfig main, List<VisitorNodeConfig> configs, RoomEvents events, Clock clock)
            throws XmppStringprepException {
        this.events = events;
        this.clock = clock;
        this.joinTimeout = main.getVisitorRoomJoinTimeout();
        for (VisitorNodeConfig c : configs) {
            nodes.add(new Node(c.getId(), new XmppSession(c.connection(main)), new ConcurrentHashMap<>()));
        }
        long every = main.getVisitorRoomPoll().toMillis();
        if (!nodes.isEmpty()) {
            poll.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** From now on, follows Jicofo into room {@code spec.room()} on every node (at once where it is there already). */
    void enter(RoomSpec spec, Resourcepart nick) {
        for (Node node : nodes) {
            RoomSession room = node.rooms().computeIfAbsent(spec.room(), r -> session(node, r));
            if (room != null) {
                room.remember(spec, nick);
                executor.execute(() -> follow(node, room));
            }
        }
    }

    /** Every room on every node at once: a node busy with a burst of joins must not hold up the others. */
    private void round() {
        for (Node node : nodes) {
            node.rooms().values().forEach(room -> executor.execute(() -> follow(node, room)));
        }
    }

    /** Enters the room if HoiNghi is not in it, the node is up and Jicofo has created the room there. */
    private void follow(Node node, RoomSession room) {
        if (room.joined() || !node.session().isUp() || node.rooms().get(room.name()) != room || !busy.add(room)) {
            return;
        }
        try {
            if (exists(node, room)) {
                room.enter(room.spec(), room.nick(), joinTimeout);
                LOG.info("visitor node {}: in {}", node.id(), room.jid());
            }
        } catch (Exception e) {
            LOG.warn("visitor node {}: could not enter {}: {}", node.id(), room.jid(), e.toString());
        } finally {
            busy.remove(room);
        }
    }

    private static boolean exists(Node node, RoomSession room) throws Exception {
        try {
            MultiUserChatManager.getInstanceFor(node.session().connection()).getRoomInfo(room.jid());
            return true;
        } catch (XMPPException.XMPPErrorException e) {
            if (e.getStanzaError().getCondition() == StanzaError.Condition.item_not_found) {
                return false;
            }
            throw e;
        }
    }

    private RoomSession session(Node node, String room) {
        try {
            var jid = JidCreate.entityBareFrom(room + "@" + node.session().config().getMucDomain());
            return RoomSession.visitorsOnly(MultiUserChatManager.getInstanceFor(node.session().connection())
                    .getMultiUserChat(jid), room, node.id(), events, clock, executor);
        } catch (XmppStringprepException e) {
            LOG.warn("visitor node {}: bad room name {}", node.id(), room);
            return null;
        }
    }

    void release(String room) {
        for (Node node : nodes) {
            RoomSession r = node.rooms().remove(room);
            if (r != null) {
                r.leave();
            }
        }
    }

    @Override
    @PreDestroy
    public void close() {
        poll.shutdownNow();
        nodes.forEach(n -> {
            n.rooms().values().forEach(RoomSession::leave);
            n.session().close();
        });
        executor.shutdownNow();
    }
}
