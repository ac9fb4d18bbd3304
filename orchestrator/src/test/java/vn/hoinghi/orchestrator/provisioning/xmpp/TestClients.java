package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jitsi.xmpp.extensions.jitsimeet.IdentityPacketExtension;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Plain Smack clients for the fakes (Jicofo, JVB, Jigasi, Jibri, units) on the test Prosody. */
final class TestClients {
    private TestClients() {
    }

    static XMPPTCPConnection login(ProsodyServer prosody, String user, String host, String resource)
            throws Exception {
        XmppProviders.register();
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(host)
                .setHost("127.0.0.1")
                .setPort(prosody.port())
                .setUsernameAndPassword(user, ProsodyServer.PASSWORD)
                .setResource(resource)
                .setSecurityMode(SecurityMode.disabled)
                .build());
        c.setReplyTimeout(5000);
        try {
            c.connect().login();
        } catch (Exception e) {
            throw new IllegalStateException(user + "@" + host + " could not log in; prosody alive=" + prosody.isAlive()
                    + "; log:\n" + prosody.log(), e);
        }
        return c;
    }

    static XmppConfig orchestratorConfig(ProsodyServer prosody) {
        XmppConfig config = new XmppConfig();
        config.setEnabled(true);
        config.setHost("127.0.0.1");
        config.setPort(prosody.port());
        config.setDomain(ProsodyServer.DOMAIN);
        config.setUsername("hoinghi");
        config.setPassword(ProsodyServer.PASSWORD);
        config.setRequireTls(false);
        // The test Prosody has no client_proxy component: address Jicofo's own JID (DESIGN §3).
        config.setFocus("focus@" + ProsodyServer.AUTH + "/focus");
        return config;
    }

    /** The same settings as {@link #orchestratorConfig}, as the application's {@code hoinghi.xmpp.*} properties. */
    static Map<String, String> orchestratorProperties(ProsodyServer prosody) {
        XmppConfig c = orchestratorConfig(prosody);
        return Map.of("hoinghi.xmpp.enabled", "true", "hoinghi.xmpp.host", c.getHost(),
                "hoinghi.xmpp.port", String.valueOf(c.getPort()), "hoinghi.xmpp.domain", c.getDomain(),
                "hoinghi.xmpp.password", c.getPassword(), "hoinghi.xmpp.require-tls", "false",
                "hoinghi.xmpp.focus", c.getFocus());
    }

    /** Polls until the condition holds; false after the timeout (callers assert on it). */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        return eventually(timeout, Duration.ofMillis(20), condition);
    }

    /** As {@link #eventually(Duration, BooleanSupplier)}, asking every {@code period} (for costly conditions). */
    static boolean eventually(Duration timeout, Duration period, BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(period.toMillis());
        }
        return condition.getAsBoolean();
    }

    /** A unit's browser joins as Jitsi Meet does, with the identity Prosody's presence_identity would add. */
    static MultiUserChat joinAs(XMPPTCPConnection unit, String room, String endpoint, String site) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(unit)
                .getMultiUserChat(JidCreate.entityBareFrom(room + "@" + ProsodyServer.MUC));
        muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(endpoint)).withPresence(
                p -> p.addExtension(new IdentityPacketExtension(site, "Bộ Tư pháp", null, null))).build());
        return muc;
    }
}
