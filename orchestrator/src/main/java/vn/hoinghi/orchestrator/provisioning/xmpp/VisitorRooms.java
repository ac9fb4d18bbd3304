package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;
import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HoiNghi's occupants in the visitor-node rooms of its conferences, for the roll-call of viewers (DESIGN §4, the
 * orchestrator README "all-hands"). Viewers of a large meeting are sent by Jicofo to visitor nodes, where nobody but
 * Jicofo hears their presence (that is what keeps a node O(N)); mod_hoinghi_roll_call on each node also hands it to
 * HoiNghi's occupant there. So, as Jicofo does, HoiNghi keeps one XMPP connection per configured node and sits in
 * the room of the same name on every node while it runs the conference; each such room reports only its visitors
 * to the roll-call, under the main room's name. A node that is down does not stop the meeting: it is logged, and
 * the room is entered again after the node's next login and at the next prepare.
 */
@Singleton
@Requires(property = "hoinghi.xmpp.enabled", value = "true")
public class VisitorRooms implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorRooms.class);

    private final List<Node> nodes = new ArrayList<>();
    private final RoomEvents events;
    private final Clock clock;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xmpp-visitor-room");
        t.setDaemon(true);
        return t;
    });

    private record Node(String id, XmppSession session, Map<String, RoomSession> rooms) {
    }

    public VisitorRooms(XmppConfig main, List<VisitorNodeConfig> configs, RoomEvents events, Clock clock)
            throws XmppStringprepException {
        this.events = events;
        this.clock = clock;
        for (VisitorNodeConfig c : configs) {
            Node node = new Node(c.getId(), new XmppSession(c.connection(main)), new ConcurrentHashMap<>());
            nodes.add(node);
            node.session().onLogin(x -> node.rooms().values().forEach(r -> executor.execute(() -> enter(node, r))));
        }
    }

    /** Enters (or stays in) the room {@code spec.room()} on every node; failures are logged, never thrown. */
    void enter(RoomSpec spec, Resourcepart nick, Duration timeout) {
        for (Node node : nodes) {
            RoomSession room = node.rooms().computeIfAbsent(spec.room(), r -> session(node, r));
            if (room == null) {
                continue;
            }
            room.remember(spec, nick);
            if (node.session().isUp()) {
                enter(node, room, timeout);
            }
        }
    }

    private void enter(Node node, RoomSession room) {
        enter(node, room, node.session().config().getReplyTimeout());
    }

    private void enter(Node node, RoomSession room, Duration timeout) {
        try {
            room.enter(room.spec(), room.nick(), timeout);
        } catch (Exception e) {
            LOG.warn("visitor node {}: could not enter {}: {}", node.id(), room.jid(), e.toString());
        }
    }

    private RoomSession session(Node node, String room) {
        try {
            var jid = JidCreate.entityBareFrom(room + "@" + node.session().config().getMucDomain());
            return RoomSession.visitorsOnly(MultiUserChatManager.getInstanceFor(node.session().connection())
                    .getMultiUserChat(jid), room, events, clock, executor);
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
        nodes.forEach(n -> {
            n.rooms().values().forEach(RoomSession::leave);
            n.session().close();
        });
        executor.shutdownNow();
    }
}
