package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.provisioning.FleetEvents;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Kind;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;
import vn.hoinghi.orchestrator.provisioning.OperatorStates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The live fleet from the brewery rooms (DESIGN.md §3 "Fleet"). JVBs publish stats every interval, so one silent
 * for {@code lost-after-intervals} of them is LOST; Jigasi and Jibri publish on change only, so for them only a
 * MUC leave means LOST. Operator states (CORDONED, DRAINING, DISABLED) come from {@link OperatorStates} (the
 * database), re-read every {@link #STATE_REFRESH} so a change made through another orchestrator shows here too,
 * and survive the node's comings and goings; LOST always shows, since an operator must see a node that is gone
 * whatever they had set. A DRAINING node that carries nothing becomes DISABLED. Each move to LOST is reported once
 * to {@link FleetEvents} (an operator alert), off Smack's threads.
 */
@Singleton
@Primary
@Requires(property = "hoinghi.xmpp.enabled", value = "true")
public class BreweryFleetRegistry implements FleetRegistry, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BreweryFleetRegistry.class);

    static final Duration STATE_REFRESH = Duration.ofSeconds(5);

    private record Key(Kind kind, String id) {
    }

    private final XmppConfig config;
    private final FleetEvents events;
    private final OperatorStates states;
    private final Clock clock;
    private final Map<Key, MediaNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, Status> operatorStatus = new ConcurrentHashMap<>();
    private final Map<Kind, Instant> joinedAt = new ConcurrentHashMap<>();
    private final Map<Kind, Boolean> warned = new ConcurrentHashMap<>();
    private final Set<Kind> listening = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;
    private volatile long statesReadAt;

    /** Operator states in memory only (tests of the fleet watch alone). */
    public BreweryFleetRegistry(XmppSession session, FleetEvents events, Clock clock) {
        this(session, events, OperatorStates.NONE, clock);
    }

    @Inject
    public BreweryFleetRegistry(XmppSession session, FleetEvents events, OperatorStates states, Clock clock) {
        this.config = session.config();
        this.events = events;
        this.states = states;
        this.clock = clock;
        try {
            refreshStates();
        } catch (RuntimeException e) {
            // The database is not reachable yet: start with every node ENABLED; the sweeper re-reads in 5 s.
            LOG.warn("operator states of the fleet not read at start: {}", e.toString());
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-sweep");
            t.setDaemon(true);
            return t;
        });
        // Every second (or every interval if shorter), so a bridge is LOST at most a second after its third
        // missed interval rather than up to a whole interval later.
        long period = Math.max(100, Math.min(1000, config.getStatsInterval().toMillis()));
        sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
        session.onLogin(this::joinBreweries);
    }

    private void joinBreweries(XMPPConnection connection) {
        join(connection, Kind.JVB, config.getJvbBrewery());
        join(connection, Kind.JIGASI, config.getJigasiBrewery());
        join(connection, Kind.JIBRI, config.getJibriBrewery());
        join(connection, Kind.JIBRI_SIP, config.getJibriSipBrewery());
    }

    private void join(XMPPConnection connection, Kind kind, String brewery) {
        if (brewery == null || brewery.isBlank()) {
            return;
        }
        try {
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection)
                    .getMultiUserChat(JidCreate.entityBareFrom(brewery));
            if (listening.add(kind)) {
                // Once per brewery: Smack keeps the MultiUserChat (and its listeners) across reconnects.
                muc.addParticipantListener(p -> onPresence(kind, p));
            }
            if (muc.isJoined()) {
                return;
            }
            joinedAt.put(kind, clock.instant());
            muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(config.getNick()))
                    .requestNoHistory().build());
        } catch (Exception e) {
            LOG.warn("could not join the {} brewery {}: {}", kind, brewery, e.toString());
        }
    }

    void onPresence(Kind kind, Presence presence) {
        if (presence.getFrom() == null || presence.getFrom().getResourceOrNull() == null) {
            return;
        }
        String id = presence.getFrom().getResourceOrThrow().toString();
        if (id.equals(config.getNick())) {
            return;
        }
        Key key = new Key(kind, id);
        Instant now = clock.instant();
        if (presence.getType() == Presence.Type.unavailable) {
            markLost(key, n -> true, "left its brewery");
            return;
        }
        MediaNode previous = nodes.get(key);
        MediaNode fresh = BreweryPresence.read(id, kind, presence, operatorStatus.getOrDefault(id, Status.ENABLED), now);
        if (kind != Kind.JVB && previous != null && presence.getExtension("stats",
                "http://jitsi.org/protocol/colibri") == null && fresh.version() == null) {
            // Jigasi/Jibri presence without stats (a status-only change) keeps the last numbers it sent.
            fresh = new MediaNode(id, kind, previous.region(), fresh.status(), previous.stress(),
                    previous.conferences(), previous.participants(), previous.draining(),
                    previous.gracefulShutdown(), previous.version(), fresh.busy(), now);
        }
        nodes.put(key, fresh);
    }

    /**
     * Marks bridges silent for {@code lost-after-intervals} intervals LOST, re-reads the operator states, disables
     * drained nodes and warns about empty breweries.
     */
    public void sweep() {
        try {
            if (System.nanoTime() - statesReadAt >= STATE_REFRESH.toNanos()) {
                refreshStates();
            }
            disableDrained();
        } catch (RuntimeException e) {
            // The database may be restarting: keep the states we have and keep sweeping for lost bridges.
            LOG.warn("could not refresh the operator states of the fleet: {}", e.toString());
        }
        Instant now = clock.instant();
        Duration silence = config.getStatsInterval().multipliedBy(config.getLostAfterIntervals());
        String why = "silent for " + silence.toSeconds() + " s";
        for (Key key : nodes.keySet()) {
            if (key.kind() == Kind.JVB) {
                markLost(key, n -> !n.lastSeen().plus(silence).isAfter(now), why);
            }
        }
        joinedAt.forEach((kind, at) -> {
            boolean empty = nodes.keySet().stream().noneMatch(k -> k.kind() == kind);
            if (empty && at.plus(config.getEmptyBreweryWarning()).isBefore(now) && warned.putIfAbsent(kind, true) == null) {
                LOG.warn("no member in the {} brewery {} after joining it; check the brewery JID and that our "
                        + "account is on the auth domain", kind, at);
            }
        });
    }

    /**
     * LOST if {@code gone} holds for the node as it is at that instant (stats arriving meanwhile win), and reported
     * once: a node already LOST (a leave after silence, a second sweep) is not reported again.
     */
    private void markLost(Key key, Predicate<MediaNode> gone, String why) {
        MediaNode[] lost = new MediaNode[1];
        nodes.computeIfPresent(key, (k, n) -> {
            if (n.status() == Status.LOST || !gone.test(n)) {
                return n;
            }
            lost[0] = n;
            return withStatus(n, Status.LOST);
        });
        MediaNode node = lost[0];
        if (node == null) {
            return;
        }
        LOG.warn("{} {} {}: LOST", key.kind(), key.id(), why);
        try {
            // Off the caller's thread: a leave arrives on Smack's in-order listener, which a database write must
            // not hold up.
            sweeper.execute(() -> report(node, why));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down.
        }
    }

    /** Re-reads the operator states and applies them to every node that is not LOST. */
    public void refreshStates() {
        if (states == OperatorStates.NONE) {
            return;
        }
        Map<String, Status> stored = states.all();
        statesReadAt = System.nanoTime();
        operatorStatus.keySet().retainAll(stored.keySet());
        operatorStatus.putAll(stored);
        nodes.replaceAll((k, n) -> {
            Status wanted = operatorStatus.getOrDefault(k.id(), Status.ENABLED);
            return n.status() == Status.LOST || n.status() == wanted ? n : withStatus(n, wanted);
        });
    }

    /** A DRAINING node with no conference (Jibri: not busy) left becomes DISABLED, recorded once. */
    private void disableDrained() {
        for (MediaNode n : nodes.values()) {
            boolean empty = n.kind() == Kind.JIBRI || n.kind() == Kind.JIBRI_SIP ? !n.busy() : n.conferences() == 0;
            if (n.status() == Status.DRAINING && empty) {
                String detail = "drained: " + n.kind() + " reports " + n.conferences() + " conferences";
                if (states.drained(n.id(), detail)) {
                    LOG.info("{} {} {}: DISABLED", n.kind(), n.id(), detail);
                }
                setLocal(n.id(), Status.DISABLED);
            }
        }
    }

    private void report(MediaNode node, String why) {
        try {
            events.lost(node, why);
        } catch (RuntimeException e) {
            LOG.warn("could not report {} {} as lost: {}", node.kind(), node.id(), e.toString());
        }
    }

    private static MediaNode withStatus(MediaNode n, Status s) {
        return new MediaNode(n.id(), n.kind(), n.region(), s, n.stress(), n.conferences(), n.participants(),
                n.draining(), n.gracefulShutdown(), n.version(), n.busy(), n.lastSeen());
    }

    @Override
    public List<MediaNode> nodes() {
        return nodes.values().stream()
                .sorted(Comparator.comparing(MediaNode::kind).thenComparing(MediaNode::id)).toList();
    }

    /** @throws NoSuchElementException for an unknown node; IllegalArgumentException for LOST (not an operator state) */
    @Override
    public void setStatus(String id, Status status) {
        if (status == Status.LOST) {
            throw new IllegalArgumentException("LOST is observed, not set");
        }
        if (nodes.keySet().stream().noneMatch(k -> k.id().equals(id))) {
            throw new NoSuchElementException(id);
        }
        setLocal(id, status);
    }

    private void setLocal(String id, Status status) {
        operatorStatus.put(id, status);
        nodes.replaceAll((k, n) -> k.id().equals(id) && n.status() != Status.LOST ? withStatus(n, status) : n);
    }

    @Override
    @PreDestroy
    public void close() {
        sweeper.shutdownNow();
    }
}
