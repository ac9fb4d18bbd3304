package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jingle.JingleAction;
import org.jitsi.xmpp.extensions.jingle.JingleIQ;
import org.jitsi.xmpp.extensions.jitsimeet.ConferenceIq;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.Occupant;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Jicofo as HoiNghi meets it, on a real Prosody (DESIGN.md §3): logged in as {@code focus@auth.<domain>/focus};
 * answers ConferenceIq by creating and joining the room (only it may create rooms) before replying ready; drops a
 * room nobody joined within the initial timeout and one whose last member left; offers Jingle to every occupant;
 * takes Jibri and Rayo requests only through the room from a moderator ({@link FakeJicofoGateways}).
 */
final class FakeJicofo implements AutoCloseable {
    final XMPPTCPConnection connection;
    final Map<EntityBareJid, MultiUserChat> rooms = new ConcurrentHashMap<>();
    /** "terminate <nick> <reason>" for each Jingle answer received. */
    final List<String> jingleAnswers = new CopyOnWriteArrayList<>();
    final List<String> destroyed = new CopyOnWriteArrayList<>();
    /** Local part of each room this Jicofo created, once per creation (a repeated ConferenceIq creates nothing). */
    final List<String> created = new CopyOnWriteArrayList<>();
    final FakeJicofoGateways gateways;
    /** Set to make Jicofo answer ConferenceIq with this error; null answers normally. */
    volatile StanzaError.Condition conferenceError;
    /** Set to make Jicofo never answer ConferenceIq (a dead focus). */
    volatile boolean silent;
    /** Jicofo's visitors part, when visitor nodes are configured (null: every request goes to the main room). */
    volatile FakeJicofoVisitors visitors;
    private final Duration initialTimeout;
    private final Set<Jid> offered = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.ExecutorService workers = Executors.newCachedThreadPool();

    FakeJicofo(ProsodyServer prosody, Duration initialTimeout, FakeJigasi jigasi) throws Exception {
        this.initialTimeout = initialTimeout;
        connection = TestClients.login(prosody, "focus", ProsodyServer.AUTH, "focus");
        gateways = new FakeJicofoGateways(this, jigasi);
        connection.registerIQRequestHandler(new AbstractIqRequestHandler(ConferenceIq.ELEMENT, ConferenceIq.NAMESPACE,
                IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                return answerLater(() -> conference((ConferenceIq) iq));
            }
        });
        connection.registerIQRequestHandler(new AbstractIqRequestHandler(JingleIQ.ELEMENT, JingleIQ.NAMESPACE,
                IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                JingleIQ j = (JingleIQ) iq;
                String reason = j.getReason() == null ? "none" : j.getReason().getReason().toString();
                jingleAnswers.add(j.getAction() + " " + j.getFrom().getResourceOrEmpty() + " " + reason);
                return IQ.createResultIQ(iq);
            }
        });
        gateways.register();
        // Jicofo reconnects to a restarted Prosody; its conferences died with the rooms, and are created anew by
        // the next ConferenceIq (HoiNghi's re-entry, or a browser coming back). SIP sessions are kept: Jibri's
        // Chrome rejoins the room as any browser does, so the room system's call goes on.
        ReconnectionManager reconnect = ReconnectionManager.getInstanceFor(connection);
        reconnect.setFixedDelay(1);
        reconnect.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.FIXED_DELAY);
        reconnect.enableAutomaticReconnection();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                rooms.forEach((room, muc) -> {
                    try {
                        muc.leave();
                    } catch (Exception expected) {
                        // Disconnected: Smack only marks the room left.
                    }
                    destroyed.add(room.getLocalpart() + " xmpp connection lost");
                });
                rooms.clear();
                offered.clear();
            }
        });
    }

    /**
     * Runs a handler that joins a room off Smack's handler threads (their number is capped, and a join waits for
     * presence that needs one of them) and sends its answer itself; null tells Smack not to answer.
     */
    IQ answerLater(java.util.function.Supplier<IQ> handler) {
        workers.execute(() -> {
            IQ answer = handler.get();
            if (answer != null) {
                try {
                    connection.sendStanza(answer);
                } catch (Exception e) {
                    jingleAnswers.add("answer-failed " + e);
                }
            }
        });
        return null;
    }

    private IQ conference(ConferenceIq request) {
        if (silent) {
            return null;
        }
        if (conferenceError != null) {
            return IQ.createErrorResponse(request, StanzaError.getBuilder(conferenceError).build());
        }
        EntityBareJid room = request.getRoom();
        String vnode;
        try {
            if (!rooms.containsKey(room)) {
                create(room);
            }
            vnode = visitors == null ? null : visitors.redirect(request, members(rooms.get(room)));
        } catch (Exception e) {
            return IQ.createErrorResponse(request, StanzaError.getBuilder(StanzaError.Condition.internal_server_error)
                    .setDescriptiveEnText(e.toString()).build());
        }
        ConferenceIq reply = new ConferenceIq();
        reply.setType(IQ.Type.result);
        reply.setStanzaId(request.getStanzaId());
        reply.setTo(request.getFrom());
        reply.setRoom(room);
        reply.setReady(true);
        reply.setFocusJid(connection.getUser().asBareJid().toString());
        reply.setVnode(vnode);
        return reply;
    }

    /** The conference's participants as Jicofo counts them: neither the focus nor HoiNghi's hidden occupant. */
    private static int members(MultiUserChat muc) {
        int n = 0;
        for (EntityFullJid o : muc.getOccupants()) {
            String nick = o.getResourcepart().toString();
            n += nick.equals("focus") || nick.equals("hoinghi") ? 0 : 1;
        }
        return n;
    }

    private void create(EntityBareJid room) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(room);
        muc.addParticipantListener(p -> onOccupant(muc, p));
        muc.createOrJoin(Resourcepart.from("focus"));
        rooms.put(room, muc);
        created.add(room.getLocalpart().toString());
        // jicofo.conference.initial-timeout: an empty conference is dropped.
        timer.schedule(() -> {
            if (rooms.containsKey(room) && muc.getOccupantsCount() <= 1) {
                destroy(room, "initial timeout");
            }
        }, initialTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onOccupant(MultiUserChat muc, Presence p) {
        try {
            occupantChanged(muc, p);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Presence arriving while the fake shuts down.
        }
    }

    private void occupantChanged(MultiUserChat muc, Presence p) {
        Resourcepart nick = p.getFrom().getResourceOrNull();
        if (nick == null || nick.toString().equals("focus")) {
            return;
        }
        if (p.getType() == Presence.Type.unavailable) {
            timer.schedule(() -> {
                if (rooms.containsKey(muc.getRoom()) && muc.getOccupantsCount() <= 1) {
                    destroy(muc.getRoom(), "last member left");
                }
            }, 50, TimeUnit.MILLISECONDS);
            return;
        }
        if (offered.add(p.getFrom())) {
            timer.execute(() -> offerJingle((EntityFullJid) p.getFrom()));
        }
    }

    /** Jicofo invites every occupant to a media session right after it joins. */
    private void offerJingle(EntityFullJid occupant) {
        JingleIQ offer = new JingleIQ(JingleAction.SESSION_INITIATE, JingleIQ.generateSID());
        offer.setType(IQ.Type.set);
        offer.setTo(occupant);
        offer.setInitiator(connection.getUser());
        try {
            connection.sendIqRequestAsync(offer);
        } catch (Exception e) {
            jingleAnswers.add("offer-failed " + occupant + " " + e);
        }
    }

    boolean isModerator(EntityBareJid room, Jid from) {
        MultiUserChat muc = rooms.get(room);
        if (muc == null || !(from instanceof EntityFullJid full) || !full.asEntityBareJid().equals(room)) {
            return false;
        }
        Occupant o = muc.getOccupant(full);
        return o != null && o.getRole() == MUCRole.moderator;
    }

    Occupant occupant(EntityBareJid room, EntityFullJid who) {
        MultiUserChat muc = rooms.get(room);
        return muc == null ? null : muc.getOccupant(who);
    }

    void destroy(EntityBareJid room, String why) {
        MultiUserChat muc = rooms.remove(room);
        if (muc == null) {
            return;
        }
        try {
            muc.destroy(why, null);
        } catch (Exception e) {
            // Gone already.
        }
        destroyed.add(room.getLocalpart() + " " + why);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        connection.disconnect();
    }
}
