package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jitsimeet.ConferenceIq;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jicofo's visitors part as HoiNghi meets it (DESIGN §3, §4): Jicofo keeps an XMPP connection to every visitor
 * node; a conference request that may be redirected (it carries {@code visitors-version}) is sent to a visitor node
 * when it asks to be a visitor ({@code visitor=true}) or when the main room already has {@code maxParticipants}
 * members. The node is the one this conference already uses with the fewest visitors under
 * {@code maxPerNode}, else the next node it does not use yet; before answering, Jicofo sits in the room of the
 * same name on that node (creating it), and answers {@code ready='true'} with {@code vnode='<id>'}. What is not
 * here: federating the main participants into the node's room (mod_fmuc, s2s), promotion of raised hands.
 */
final class FakeJicofoVisitors implements AutoCloseable {
    private final Map<String, XMPPTCPConnection> nodes = new LinkedHashMap<>();
    private final Map<String, ProsodyServer> servers = new LinkedHashMap<>();
    /** "room|node" → visitors sent there. */
    private final Map<String, Integer> sent = new ConcurrentHashMap<>();
    private final Map<String, MultiUserChat> rooms = new ConcurrentHashMap<>();
    private final int maxParticipants;
    private final int maxPerNode;

    FakeJicofoVisitors(Map<String, ProsodyServer> visitorNodes, int maxParticipants, int maxPerNode) throws Exception {
        this.maxParticipants = maxParticipants;
        this.maxPerNode = maxPerNode;
        for (Map.Entry<String, ProsodyServer> node : visitorNodes.entrySet()) {
            ProsodyServer p = node.getValue();
            servers.put(node.getKey(), p);
            nodes.put(node.getKey(), TestClients.login(p, "focus", p.auth(), "focus"));
        }
    }

    /** The visitor node for this request, or null to let it into the main room of {@code mainOccupants}. */
    synchronized String redirect(ConferenceIq request, int mainOccupants) throws Exception {
        Map<String, String> properties = request.getPropertiesMap();
        boolean supported = properties.containsKey("visitors-version");
        boolean requested = "true".equals(properties.get("visitor"));
        if (!supported || (!requested && mainOccupants < maxParticipants)) {
            return null;
        }
        String room = request.getRoom().getLocalpart().toString();
        String node = choose(room);
        if (node == null) {
            return null;
        }
        MultiUserChat muc = rooms.get(room + "|" + node);
        if (muc == null) {
            EntityBareJid jid = JidCreate.entityBareFrom(room + "@" + servers.get(node).muc());
            muc = MultiUserChatManager.getInstanceFor(nodes.get(node)).getMultiUserChat(jid);
            muc.createOrJoin(Resourcepart.from("focus"));
            rooms.put(room + "|" + node, muc);
        }
        sent.merge(room + "|" + node, 1, Integer::sum);
        return node;
    }

    private String choose(String room) {
        String best = null;
        String least = null;
        List<String> unused = new ArrayList<>();
        for (String node : nodes.keySet()) {
            Integer n = sent.get(room + "|" + node);
            if (n == null) {
                unused.add(node);
                continue;
            }
            if (n < maxPerNode && (best == null || n < sent.get(room + "|" + best))) {
                best = node;
            }
            if (least == null || n < sent.get(room + "|" + least)) {
                least = node;
            }
        }
        // Every node in use is full: a new one, or (none left) the least loaded, over the soft limit.
        return best != null ? best : !unused.isEmpty() ? unused.get(0) : least;
    }

    /** Visitors sent to {@code node} for {@code room}. */
    int sentTo(String room, String node) {
        return sent.getOrDefault(room + "|" + node, 0);
    }

    @Override
    public void close() {
        nodes.values().forEach(XMPPTCPConnection::disconnect);
    }
}
