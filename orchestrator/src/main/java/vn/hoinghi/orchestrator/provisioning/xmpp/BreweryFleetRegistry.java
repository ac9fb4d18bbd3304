package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Kind;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;

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

/**
 * The live fleet from the brewery rooms (DESIGN.md §3 "Fleet"). JVBs publish stats every interval, so one silent
 * for {@code lost-after-intervals} of them is LOST; Jigasi and Jibri publish on change only, so for them only a
 * MUC leave means LOST. Operator states (CORDONED, DISABLED) live in memory and survive the node's comings and
 * goings; LOST always shows, since an operator must see a node that is gone whatever they had set.
 */
@Singleton
@Primary
@Requires(property = "hoinghi.xmpp.enabled", value = "true")
public class BreweryFleetRegistry implements FleetRegistry, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BreweryFleetRegistry.class);

    private record Key(Kind kind, String id) {
    }

    private final XmppConfig config;
    private final Clock clock;
    private final Map<Key, MediaNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, Status> operatorStatus = new ConcurrentHashMap<>();
    private final Map<Kind, Instant> joinedAt = new ConcurrentHashMap<>();
    private final Map<Kind, Boolean> warned = new ConcurrentHashMap<>();
    private final Set<Kind> listening = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    public BreweryFleetRegistry(XmppSession session, Clock clock) {
        this.config = session.config();
        this.clock = clock;
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-sweep");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, config.getStatsInterval().toMillis());
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
            nodes.computeIfPresent(key, (k, n) -> withStatus(n, Status.LOST));
            LOG.warn("{} {} left its brewery: LOST", kind, id);
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

    /** Marks silent bridges LOST and warns about empty breweries; runs every stats interval. */
    public void sweep() {
        Instant now = clock.instant();
        Duration silence = config.getStatsInterval().multipliedBy(config.getLostAfterIntervals());
        nodes.replaceAll((k, n) -> k.kind() == Kind.JVB && n.status() != Status.LOST
                && n.lastSeen().plus(silence).isBefore(now) ? lost(n, silence) : n);
        joinedAt.forEach((kind, at) -> {
            boolean empty = nodes.keySet().stream().noneMatch(k -> k.kind() == kind);
            if (empty && at.plus(config.getEmptyBreweryWarning()).isBefore(now) && warned.putIfAbsent(kind, true) == null) {
                LOG.warn("no member in the {} brewery {} after joining it; check the brewery JID and that our "
                        + "account is on the auth domain", kind, at);
            }
        });
    }

    private static MediaNode lost(MediaNode n, Duration silence) {
        LOG.warn("{} {} silent for {}: LOST", n.kind(), n.id(), silence);
        return withStatus(n, Status.LOST);
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
        operatorStatus.put(id, status);
        nodes.replaceAll((k, n) -> k.id().equals(id) && n.status() != Status.LOST ? withStatus(n, status) : n);
    }

    @Override
    @PreDestroy
    public void close() {
        sweeper.shutdownNow();
    }
}
