package vn.hoinghi.orchestrator.provisioning.xmpp;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything of the all-hands that is not HoiNghi: the main Prosody, one Prosody per visitor node, the protocol
 * fakes (Jicofo with its visitors part, Jigasi) and one simulated participant per site ({@link ParticipantCrowd}).
 * The orchestrator under test is either in this JVM ({@link AllHands}) or its own process (the benchmark); it is
 * given {@link #orchestratorProperties()}.
 */
final class AllHandsPeers implements AutoCloseable {
    final AllHands.Size size;
    final ProsodyServer prosody;
    final FakeJigasi jigasi;
    final FakeJicofo jicofo;
    /** Visitor node id → its Prosody; empty without visitor nodes. */
    final Map<String, ProsodyServer> visitorNodes = new LinkedHashMap<>();
    private ParticipantCrowd crowd;
    private final Map<String, ParticipantCrowd> visitorCrowds = new LinkedHashMap<>();
    private long lastJoinSent;
    /** How long the focus took to answer every participant's ConferenceIq (with visitor nodes). */
    Duration focusAnswered = Duration.ZERO;

    AllHandsPeers(AllHands.Size size) throws Exception {
        this.size = size;
        prosody = ProsodyServer.startWithCrowd(List.of("focus@" + ProsodyServer.AUTH,
                "hoinghi@" + ProsodyServer.AUTH, "jigasi@" + ProsodyServer.AUTH));
        jigasi = new FakeJigasi(prosody, 4);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        for (int i = 1; i <= size.visitorNodes(); i++) {
            visitorNodes.put("v" + i, ProsodyServer.startVisitorNode("v" + i));
        }
        if (!visitorNodes.isEmpty()) {
            // Jicofo's max-participants for the main room and a per-node limit that spreads the viewers evenly.
            jicofo.visitors = new FakeJicofoVisitors(visitorNodes, size.interactive(),
                    (size.viewers() + visitorNodes.size() - 1) / visitorNodes.size());
        }
    }

    /** The orchestrator's settings for these peers: XMPP, every visitor node, a fleet with room for 4,000. */
    Map<String, Object> orchestratorProperties() {
        Map<String, Object> p = new HashMap<>(TestClients.orchestratorProperties(prosody));
        visitorNodes.forEach((id, node) -> {
            String key = "hoinghi.xmpp.visitor-nodes." + id + ".";
            p.put(key + "host", "127.0.0.1");
            p.put(key + "port", node.port());
            p.put(key + "domain", node.domain());
            p.put(key + "password", ProsodyServer.PASSWORD);
        });
        // The configured fleet of a full-size deployment (no bridge joins the breweries here).
        for (String region : List.of("NORTH", "CENTRAL", "SOUTH")) {
            p.put("hoinghi.fleet." + region + ".bridges", 40);
            p.put("hoinghi.fleet." + region + ".visitor-nodes", 20);
            p.put("hoinghi.fleet." + region + ".jibri-sip", 200);
            p.put("hoinghi.fleet." + region + ".jigasi", 20);
        }
        return p;
    }

    /**
     * One participant per invited site enters the MUC, as fast as the socket takes them; returns the send time.
     * With visitor nodes each first asks the focus (ConferenceIq, viewers with {@code visitor=true}) and joins
     * where the answer sends it: the main room, or the room of the same name on its visitor node.
     */
    Duration joinEveryone(String room, Map<String, String> sites) throws Exception {
        crowd = new ParticipantCrowd(prosody);
        for (Map.Entry<String, ProsodyServer> node : visitorNodes.entrySet()) {
            visitorCrowds.put(node.getKey(), new ParticipantCrowd(node.getValue()));
        }
        if (!visitorNodes.isEmpty()) {
            askTheFocus(room, sites.size(), Duration.ofSeconds(60));
        }
        long t0 = System.nanoTime();
        int n = 0;
        for (Map.Entry<String, String> site : sites.entrySet()) {
            crowdOf(n).join(room, n++, site.getKey(), site.getValue());
        }
        lastJoinSent = System.nanoTime();
        return Duration.ofNanos(lastJoinSent - t0);
    }

    private void askTheFocus(String room, int participants, Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        String focus = "focus@" + ProsodyServer.AUTH + "/focus";
        for (int n = 0; n < participants; n++) {
            crowd.requestConference(room, ProsodyServer.MUC, focus, n, n >= size.interactive());
        }
        if (!TestClients.eventually(timeout, () -> crowd.answered() >= participants)) {
            throw new IllegalStateException("the focus answered " + crowd.answered() + " of " + participants);
        }
        focusAnswered = AllHands.since(t0);
    }

    ParticipantCrowd crowdOf(int n) {
        String node = visitorNodes.isEmpty() ? "" : crowd.redirect(n);
        return node.isEmpty() ? crowd : visitorCrowds.get(node);
    }

    /** Participants the focus sent to visitor node {@code node} ("" for the main room). */
    long sentTo(String node) {
        return IntStream.range(0, size.sites()).filter(n -> node.equals(crowd.redirect(n))).count();
    }

    /** From the last join sent until Prosody confirmed every join (self-presence) to the crowds. */
    Duration joinsConfirmed(Duration timeout) throws InterruptedException {
        if (!TestClients.eventually(timeout, () -> confirmed() >= size.sites())) {
            String log = prosody.log();
            throw new IllegalStateException("Prosody confirmed " + confirmed() + " of " + size.sites()
                    + "; log tail: " + log.substring(Math.max(0, log.length() - 3000)));
        }
        return sinceLastJoin();
    }

    Duration sinceLastJoin() {
        return AllHands.since(lastJoinSent);
    }

    private long confirmed() {
        return crowd.confirmed() + visitorCrowds.values().stream().mapToLong(ParticipantCrowd::confirmed).sum();
    }

    /** CPU seconds so far of the main Prosody ("main") and of each visitor node's. */
    Map<String, Double> prosodyCpu() throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("main", prosody.cpuSeconds());
        for (Map.Entry<String, ProsodyServer> n : visitorNodes.entrySet()) {
            out.put(n.getKey(), n.getValue().cpuSeconds());
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        if (crowd != null) {
            crowd.close();
        }
        for (ParticipantCrowd c : visitorCrowds.values()) {
            c.close();
        }
        if (jicofo.visitors != null) {
            jicofo.visitors.close();
        }
        jicofo.close();
        jigasi.close();
        prosody.close();
        for (ProsodyServer node : visitorNodes.values()) {
            node.close();
        }
    }
}
