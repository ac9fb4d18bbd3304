package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jibri.SipCallState;
import org.jitsi.xmpp.extensions.jitsimeet.IdentityPacketExtension;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MucConfigFormManager;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;
import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * HoiNghi's occupant in one conference room (DESIGN.md §3 "The orchestrator in a room"): joins after the focus
 * said ready, sets subject/password/lobby, reports who comes and goes with the identity Prosody vouched for,
 * grants the host site's occupants moderator, and relays the focus's Jibri SIP call states. On a visitor node
 * ({@link #visitorsOnly}) it only reports the visitors, under the main room's name: the room's settings are Jicofo's
 * there, and the main participants it also holds (federated by mod_fmuc) are the main room's to report.
 */
final class RoomSession {
    private static final Logger LOG = LoggerFactory.getLogger(RoomSession.class);
    static final String FOCUS_NICK = "focus";

    private final MultiUserChat muc;
    private final String room;
    private final RoomEvents events;
    private final Clock clock;
    private final Executor executor;
    /** Where this occupant sits: {@link RoomEvents#MAIN_ROOM} or the visitor node's id. */
    private final String node;
    private volatile String hostSite;
    /** The spec of the last enter, to re-enter with after a lost connection. */
    private volatile RoomSpec spec;
    /** Our own nick, known before the join completes: Smack reports our reflected presence before it knows it. */
    private volatile String self;
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    private final Map<String, String> sipStates = new ConcurrentHashMap<>();

    RoomSession(MultiUserChat muc, String room, RoomEvents events, Clock clock, Executor executor) {
        this(muc, room, events, clock, executor, RoomEvents.MAIN_ROOM);
    }

    private RoomSession(MultiUserChat muc, String room, RoomEvents events, Clock clock, Executor executor,
                        String node) {
        this.node = node;
        this.muc = muc;
        this.room = room;
        this.events = events;
        this.clock = clock;
        this.executor = executor;
        muc.addParticipantListener(this::onPresence);
        if (!onVisitorNode()) {
            // Every presence we send to the main room (the join, a re-join) carries the current main-room list.
            muc.addPresenceInterceptor(p -> {
                RoomSpec current = this.spec;
                if (current != null && !current.mainRoomSites().isEmpty()) {
                    p.addExtension(MainRoomSites.of(current.mainRoomSites()));
                }
            });
        }
    }

    /** HoiNghi's occupant in the room of the same name on visitor node {@code node}. */
    static RoomSession visitorsOnly(MultiUserChat muc, String room, String node, RoomEvents events, Clock clock,
                                    Executor executor) {
        return new RoomSession(muc, room, events, clock, executor, node);
    }

    /** On a visitor node it reports only the visitors; the room's settings there are Jicofo's. */
    private boolean onVisitorNode() {
        return !RoomEvents.MAIN_ROOM.equals(node);
    }

    RoomSpec spec() {
        return spec;
    }

    /** What to (re)enter with, before the node's connection is up. */
    void remember(RoomSpec spec, Resourcepart nick) {
        this.spec = spec;
        this.self = nick.toString();
    }

    String name() {
        return room;
    }

    boolean joined() {
        return muc.isJoined();
    }

    Resourcepart nick() {
        return Resourcepart.fromOrThrowUnchecked(self);
    }

    EntityBareJid jid() {
        return muc.getRoom();
    }

    /** Joins (or stays) and applies the spec; repeated prepares only refresh the settings. */
    void enter(RoomSpec spec, Resourcepart nick, Duration timeout) throws Exception {
        RoomSpec before = this.spec;
        this.spec = spec;
        hostSite = spec.hostSite();
        self = nick.toString();
        boolean entering = !muc.isJoined();
        // Whom we had seen here before this entry: only they can have left while we were out. Presences heard
        // during and after the join (the room keeps filling) are newer than the occupant list and never a leave.
        Set<String> seen = entering ? Set.copyOf(present) : Set.of();
        if (entering) {
            MucEnterConfiguration.Builder enter = muc.getEnterConfigurationBuilder(nick)
                    .requestNoHistory().timeoutAfter(timeout.toMillis());
            if (spec.password() != null && !spec.password().isEmpty()) {
                enter.withPassword(spec.password());
            }
            muc.join(enter.build());
        }
        if (onVisitorNode()) {
            afterEntry(entering, seen, occupantsThere());
            return;
        }
        if (!entering && !spec.mainRoomSites().isEmpty()
                && (before == null || !before.mainRoomSites().equals(spec.mainRoomSites()))) {
            // Invitations changed since we joined: a presence update sends the new list.
            muc.changeAvailabilityStatus(null, Presence.Mode.available);
        }
        if (spec.subject() != null && !spec.subject().equals(muc.getSubject())) {
            muc.changeSubject(spec.subject());
        }
        boolean password = spec.password() != null && !spec.password().isEmpty();
        if (password || spec.lobby()) {
            MucConfigFormManager form = muc.getConfigFormManager();
            if (password) {
                // setAndEnablePassword fails on Prosody (DESIGN §5): it has no separate "protected" switch.
                form.setRoomSecret(spec.password());
            }
            if (spec.lobby()) {
                // Jitsi's lobby is members-only: whoever is not admitted waits in the lobby room.
                form.makeMembersOnly();
            }
            form.submitConfigurationForm();
        }
        afterEntry(entering, seen, occupantsThere());
    }

    /**
     * The occupants already there when we (re)joined, each presence replayed: the host may have arrived first. The
     * MUC sends every occupant's presence before our own, so after the join this list is the whole room. On a
     * visitor node mod_hoinghi_roll_call sends the visitors there the same way, and only they count: the main
     * room's participants a node also holds are the main room's to report (and its focus carries no call state).
     */
    private Set<String> occupantsThere() {
        Set<String> there = new HashSet<>();
        for (var occupant : muc.getOccupants()) {
            Presence p = muc.getOccupantPresence(occupant);
            if (onVisitorNode() && (p == null || !isVisitor(p))) {
                continue;
            }
            String who = occupant.getResourceOrNull() == null ? null : occupant.getResourceOrThrow().toString();
            if (who != null && !who.equals(self) && !FOCUS_NICK.equals(who)) {
                there.add(who);
            }
            if (p != null) {
                onPresence(p);
            }
        }
        return there;
    }

    /**
     * Whoever we had seen here ({@code before}) and is not among the occupants now left while we were out (an XMPP
     * reconnect keeps this session); the roll-call then corrects those it still has on this node and nobody has
     * heard (an orchestrator restart: this session is new), asking only after it holds the meeting's lock.
     */
    private void afterEntry(boolean entering, Set<String> before, Set<String> there) {
        if (!entering) {
            return;
        }
        for (String gone : before) {
            if (!there.contains(gone) && present.remove(gone)) {
                events.left(room, gone, clock.instant());
            }
        }
        events.occupants(room, node, e -> there.contains(e) || present.contains(e), clock.instant());
    }

    private static boolean isVisitor(Presence p) {
        MUCUser user = MUCUser.from(p);
        return user != null && user.getItem() != null && user.getItem().getRole() == MUCRole.visitor;
    }

    private void onPresence(Presence presence) {
        if (presence.getFrom() == null || presence.getFrom().getResourceOrNull() == null) {
            return;
        }
        String nick = presence.getFrom().getResourceOrThrow().toString();
        if (nick.equals(self)) {
            return;
        }
        if (FOCUS_NICK.equals(nick)) {
            SipCallState state = presence.getExtension(SipCallState.class);
            if (state != null) {
                sipState(state);
            }
            return;
        }
        if (presence.getType() == Presence.Type.unavailable) {
            if (present.remove(nick)) {
                events.left(room, nick, clock.instant());
            }
            return;
        }
        if (onVisitorNode() && !isVisitor(presence) || !present.add(nick)) {
            return;
        }
        IdentityPacketExtension identity = presence.getExtension(IdentityPacketExtension.class);
        String site = identity == null ? null : identity.getUserId();
        String name = identity == null ? null : identity.getUserName();
        events.joined(room, node, nick, site, name, clock.instant());
        if (!onVisitorNode() && site != null && site.equalsIgnoreCase(hostSite)) {
            // Off Smack's listener thread: the grant waits for an IQ reply, which that thread delivers.
            executor.execute(() -> grantModerator(nick));
        }
    }

    private void sipState(SipCallState state) {
        String status = state.getStatus() == null ? null : state.getStatus().toString();
        String key = state.getSipAddress() + "|" + state.getSessionId();
        if (status == null || status.equals(sipStates.put(key, status))) {
            return;
        }
        String reason = state.getFailureReason() == null ? null : state.getFailureReason().toString();
        events.sipCallState(room, state.getSipAddress(), state.getSessionId(), status, reason, clock.instant());
    }

    private void grantModerator(String nick) {
        try {
            muc.grantModerator(Resourcepart.from(nick));
            LOG.info("granted moderator to host occupant {} in {}", nick, room);
        } catch (Exception e) {
            LOG.warn("could not grant moderator to {} in {}: {}", nick, room, e.toString());
        }
    }

    void leave() {
        try {
            if (muc.isJoined()) {
                muc.leave();
            }
        } catch (Exception e) {
            LOG.info("leaving {}: {}", room, e.toString());
        }
    }
}
