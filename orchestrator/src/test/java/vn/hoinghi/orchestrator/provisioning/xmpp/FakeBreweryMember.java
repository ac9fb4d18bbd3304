package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.colibri.ColibriStatsExtension;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCInitialPresence;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A JVB, Jigasi or Jibri in its brewery, publishing as jicoco's {@code MucClient} (jicoco-mucclient
 * 1.1-153-g24fdb58, used by all three) does: a presence interceptor keeps the last presence Smack sent for the MUC
 * (the join presence, without its MUC {@code <x/>}, which would make the room resend every occupant); right after
 * the join that presence is sent again with the member's extensions, and every later update overrides those
 * extensions in it and resends the whole presence, so whatever else it carried (entity caps) goes out each time.
 * A JVB does that on a timer ({@code videobridge.apis.xmpp-client.presence-interval}, default = the 5 s stats
 * interval: {@link #every}); Jigasi and Jibri on change ({@link #publish}). {@link #hang()} is a hung bridge: its
 * timer stops, its connection stays. {@link #leave()} is a MUC leave.
 */
final class FakeBreweryMember implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final MultiUserChat muc;
    private final ScheduledExecutorService timer;
    private PresenceBuilder lastPresenceSent;
    private ScheduledFuture<?> periodic;
    private volatile long lastSentNanos;

    FakeBreweryMember(ProsodyServer prosody, String account, String brewery, String nick) throws Exception {
        connection = TestClients.login(prosody, account, ProsodyServer.AUTH, nick);
        muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(JidCreate.entityBareFrom(brewery));
        muc.addPresenceInterceptor(presence -> {
            PresenceBuilder last = presence.build().asBuilder((String) null)
                    .removeExtension(MUCInitialPresence.ELEMENT, MUCInitialPresence.NAMESPACE);
            synchronized (this) {
                lastPresenceSent = last;
            }
        });
        muc.createOrJoin(Resourcepart.from(nick));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-" + nick);
            t.setDaemon(true);
            return t;
        });
    }

    static ColibriStatsExtension stats(Map<String, Object> values) {
        ColibriStatsExtension stats = new ColibriStatsExtension();
        values.forEach(stats::addStat);
        return stats;
    }

    /** Overrides {@code extension} in the last presence and sends all of it (MucClient.setPresenceExtensions). */
    void publish(ExtensionElement extension) throws Exception {
        org.jivesoftware.smack.packet.Presence updated;
        synchronized (this) {
            if (lastPresenceSent == null) {
                throw new IllegalStateException("no presence sent yet: not in the brewery");
            }
            lastPresenceSent.overrideExtension(extension);
            updated = lastPresenceSent.build();
        }
        connection.sendStanza(updated);
        lastSentNanos = System.nanoTime();
    }

    /** When the last presence went out ({@link System#nanoTime()}), to measure how fast silence is noticed. */
    long lastSentNanos() {
        return lastSentNanos;
    }

    /** Publishes {@code extension} now and then every {@code interval}, as the JVB's presence timer does. */
    synchronized void every(Duration interval, Supplier<ExtensionElement> extension) {
        hang();
        periodic = timer.scheduleAtFixedRate(() -> {
            try {
                publish(extension.get());
            } catch (Exception e) {
                // A bridge whose connection is down skips the beat; so does this one.
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The presence timer stops (a hung JVB); the connection and the MUC occupant stay. */
    synchronized void hang() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    void leave() throws Exception {
        hang();
        muc.leave();
    }

    @Override
    public void close() {
        hang();
        timer.shutdownNow();
        connection.disconnect();
    }
}
