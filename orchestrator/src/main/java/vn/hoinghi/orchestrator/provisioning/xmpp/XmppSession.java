package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The orchestrator's one c2s connection to Prosody: SASL login, STARTTLS required (except to a loopback host when
 * {@code require-tls} is off) with the certificates of {@code trusted-certificates} or the JVM's, bounded stanzas ({@link StanzaSizeGuard}), a first connect retried with doubling
 * delays and, once logged in, Smack's {@link ReconnectionManager} with random increasing delays. A dropped connection
 * means the server may have forgotten us (a Prosody restart destroys every room), so every room is forgotten too and
 * re-entered after the next login by its owner: breweries join again ({@link BreweryFleetRegistry}), conferences go
 * through the focus first ({@link XmppConferenceControl}). Smack's own auto-join is off: it would re-create a
 * conference room without Jicofo, since HoiNghi's account is a Prosody admin and may create rooms.
 */
@Singleton
@Requires(property = "hoinghi.xmpp.enabled", value = "true")
public class XmppSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XmppSession.class);
    private static final Duration MAX_FIRST_CONNECT_DELAY = Duration.ofMinutes(2);

    private final XmppConfig config;
    private final XMPPTCPConnection connection;
    private final ScheduledExecutorService connector;
    private final List<Consumer<XMPPConnection>> onLogin = new CopyOnWriteArrayList<>();
    private volatile String lastError = "not connected yet";
    private volatile String lastDrop;
    private volatile boolean closed;

    public XmppSession(XmppConfig config) throws XmppStringprepException {
        this.config = config;
        XmppProviders.register();
        connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(config.getLoginDomain())
                .setHost(config.getHost())
                .setPort(config.getPort())
                .setUsernameAndPassword(config.getUsername(), config.getPassword())
                .setResource(config.getResource())
                .setConnectTimeout((int) config.getConnectTimeout().toMillis())
                .setSecurityMode(securityMode(config))
                .setCustomX509TrustManager(XmppTrust.of(config.getTrustedCertificates()))
                .setDebuggerFactory(c -> new StanzaSizeGuard(c, config.getMaxStanzaSize()))
                .build());
        connection.setReplyTimeout(config.getReplyTimeout().toMillis());
        // A stanza we cannot parse is logged and dropped; the default callback would tear the connection down.
        connection.setParsingExceptionCallback(bad -> LOG.warn("dropped an unparsable stanza: {}",
                bad.getParsingException().toString()));
        ReconnectionManager reconnect = ReconnectionManager.getInstanceFor(connection);
        if (config.isReconnectFixed()) {
            reconnect.setFixedDelay((int) Math.max(1, config.getReconnectDelay().toSeconds()));
            reconnect.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.FIXED_DELAY);
        } else {
            reconnect.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.RANDOM_INCREASING_DELAY);
        }
        reconnect.enableAutomaticReconnection();
        MultiUserChatManager.getInstanceFor(connection).setAutoJoinOnReconnect(false);
        // HoiNghi's account has no contacts. Smack would fetch a roster at every login anyway, and a visitor node
        // (no mod_roster on its host) answers with an error that Smack logs as SEVERE on each reconnect.
        Roster.getInstanceFor(connection).setRosterLoadedAtLogin(false);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                lastError = null;
                LOG.info("XMPP logged in as {}", c.getUser());
                if (!resumed) {
                    onLogin.forEach(hook -> hook.accept(c));
                }
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                // A refused STARTTLS certificate surfaces here first (Smack's reader thread), before connect() fails.
                lastError = XmppTrust.explain(e, config);
                lastDrop = lastError;
                LOG.warn("XMPP connection closed: {}", lastError);
                forgetRooms();
            }
        });
        connector = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "xmpp-connect"));
        connector.execute(() -> connectLoop(config.getReconnectDelay()));
    }

    static SecurityMode securityMode(XmppConfig config) {
        if (config.isRequireTls()) {
            return SecurityMode.required;
        }
        try {
            if (InetAddress.getByName(config.getHost()).isLoopbackAddress()) {
                return SecurityMode.disabled;
            }
        } catch (UnknownHostException e) {
            // Unresolvable now: treat as remote, which requires TLS.
        }
        LOG.warn("hoinghi.xmpp.require-tls=false ignored for non-loopback host {}", config.getHost());
        return SecurityMode.required;
    }

    private void connectLoop(Duration delay) {
        if (closed || connection.isAuthenticated()) {
            return;
        }
        try {
            if (!connection.isConnected()) {
                connection.connect();
            }
            connection.login();
        } catch (Exception e) {
            lastError = XmppTrust.explain(e, config);
            connection.disconnect();
            Duration next = delay.multipliedBy(2).compareTo(MAX_FIRST_CONNECT_DELAY) > 0
                    ? MAX_FIRST_CONNECT_DELAY : delay.multipliedBy(2);
            LOG.warn("XMPP connect to {}:{} failed ({}), retrying in {}", config.getHost(), config.getPort(),
                    lastError, delay);
            if (!closed) {
                connector.schedule(() -> connectLoop(next), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Marks every MUC left, so the next login joins again. Smack keeps a room "joined" across a lost connection;
     * leaving while disconnected only resets that state (the stanza cannot go out, so this returns at once).
     */
    private void forgetRooms() {
        MultiUserChatManager mucs = MultiUserChatManager.getInstanceFor(connection);
        for (var room : mucs.getJoinedRooms()) {
            try {
                mucs.getMultiUserChat(room).leave();
            } catch (Exception expected) {
                // Not connected: the room is marked left all the same.
            }
        }
    }

    /** Runs after every fresh login (not after a resumed stream), e.g. to join the breweries. */
    public void onLogin(Consumer<XMPPConnection> hook) {
        onLogin.add(hook);
        if (connection.isAuthenticated()) {
            hook.accept(connection);
        }
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    public boolean isUp() {
        return connection.isAuthenticated();
    }

    /** Why the connection is down, or null when it is up. */
    public String lastError() {
        return isUp() ? null : lastError;
    }

    /** Why the connection last dropped (kept after a reconnect, for /health and operators), or null. */
    public String lastDrop() {
        return lastDrop;
    }

    public XmppConfig config() {
        return config;
    }

    /** Blocks until logged in, for startup ordering in tests and tools. */
    public boolean awaitLogin(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!isUp() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return isUp();
    }

    @Override
    @PreDestroy
    public void close() {
        closed = true;
        connector.shutdownNow();
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        connection.disconnect();
    }
}
