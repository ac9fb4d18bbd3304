package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.DefaultPacketExtensionProvider;
import org.jitsi.xmpp.extensions.colibri.ColibriStatsExtension;
import org.jitsi.xmpp.extensions.health.HealthStatusPacketExt;
import org.jitsi.xmpp.extensions.jibri.JibriBusyStatusPacketExt;
import org.jitsi.xmpp.extensions.jibri.JibriIq;
import org.jitsi.xmpp.extensions.jibri.JibriIqProvider;
import org.jitsi.xmpp.extensions.jibri.JibriStatusPacketExt;
import org.jitsi.xmpp.extensions.jibri.SipCallState;
import org.jitsi.xmpp.extensions.jingle.JingleIQ;
import org.jitsi.xmpp.extensions.jingle.JingleIQProvider;
import org.jitsi.xmpp.extensions.jitsimeet.ConferenceIq;
import org.jitsi.xmpp.extensions.jitsimeet.ConferenceIqProvider;
import org.jitsi.xmpp.extensions.jitsimeet.IdentityPacketExtension;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jitsi.xmpp.extensions.rayo.RayoIqProvider;

/**
 * Smack keeps parsers in a JVM-wide registry; this registers the jitsi-xmpp-extensions ones HoiNghi reads, once.
 * Stanzas in other namespaces stay generic elements, which is all we need to ignore them.
 */
public final class XmppProviders {
    private static volatile boolean done;

    private XmppProviders() {
    }

    public static synchronized void register() {
        if (done) {
            return;
        }
        ProviderManager.addIQProvider(ConferenceIq.ELEMENT, ConferenceIq.NAMESPACE, new ConferenceIqProvider());
        ProviderManager.addIQProvider(JibriIq.ELEMENT, JibriIq.NAMESPACE, new JibriIqProvider());
        ProviderManager.addIQProvider(JingleIQ.ELEMENT, JingleIQ.NAMESPACE, new JingleIQProvider());
        new RayoIqProvider().registerRayoIQs();
        ProviderManager.addExtensionProvider(ColibriStatsExtension.ELEMENT, ColibriStatsExtension.NAMESPACE,
                new DefaultPacketExtensionProvider<>(ColibriStatsExtension.class));
        ProviderManager.addExtensionProvider(SipCallState.ELEMENT, SipCallState.NAMESPACE,
                new DefaultPacketExtensionProvider<>(SipCallState.class));
        ProviderManager.addExtensionProvider(IdentityPacketExtension.ELEMENT, IdentityPacketExtension.NAMESPACE,
                new IdentityPacketExtension.Provider());
        // Child elements need their own providers, or they parse as generic elements and read as absent.
        ProviderManager.addExtensionProvider(ColibriStatsExtension.Stat.ELEMENT, ColibriStatsExtension.NAMESPACE,
                new DefaultPacketExtensionProvider<>(ColibriStatsExtension.Stat.class));
        JibriStatusPacketExt.registerExtensionProvider();
        JibriBusyStatusPacketExt.registerExtensionProvider();
        HealthStatusPacketExt.registerExtensionProvider();
        done = true;
    }
}
