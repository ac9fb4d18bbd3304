package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.envsubst;

import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.RegionSpec;

/**
 * Jigasi's sip-communicator.properties for a region: one XMPP account joining JigasiBrewery (so Jicofo can route
 * Rayo dial-outs to it, DESIGN.md §3) and one SIP account on the ministry's registrar. Passwords are {@code ${VAR}}
 * placeholders that the deploy step fills with envsubst; properties files have no environment lookup of their own.
 */
final class JigasiRenderer {
    private JigasiRenderer() {
    }

    static String render(FleetSpec f, RegionSpec region) {
        String xmppUser = "jigasi@" + f.authDomain();
        String sipUser = f.jigasiSipAccount();
        return """
                # Rendered by HoiNghi media-node-config for region %1$s. Edit the fleet file, not this.
                # ${VAR} placeholders are filled by envsubst at deploy time; this file in git holds no secret.
                org.jitsi.jigasi.BREWERY_ENABLED=true
                org.jitsi.jigasi.MUC_SERVICE_ADDRESS=%2$s
                org.jitsi.jigasi.xmpp.acc.IS_SERVER_OVERRIDDEN=true
                org.jitsi.jigasi.xmpp.acc.SERVER_ADDRESS=%3$s
                org.jitsi.jigasi.xmpp.acc.USER_ID=%4$s
                org.jitsi.jigasi.xmpp.acc.PASS=%5$s
                org.jitsi.jigasi.xmpp.acc.ANONYMOUS_AUTH=false
                org.jitsi.jigasi.xmpp.acc.VIDEO_CALLING_DISABLED=true
                net.java.sip.communicator.impl.protocol.jabber.acc1=acc1
                net.java.sip.communicator.impl.protocol.jabber.acc1.ACCOUNT_UID=Jabber:%4$s@%3$s
                net.java.sip.communicator.impl.protocol.jabber.acc1.USER_ID=%4$s
                net.java.sip.communicator.impl.protocol.jabber.acc1.IS_SERVER_OVERRIDDEN=true
                net.java.sip.communicator.impl.protocol.jabber.acc1.SERVER_ADDRESS=%3$s
                net.java.sip.communicator.impl.protocol.jabber.acc1.PASSWORD=%5$s
                net.java.sip.communicator.impl.protocol.jabber.acc1.BREWERY=%6$s
                net.java.sip.communicator.impl.protocol.jabber.acc1.DOMAIN_BASE=%7$s
                net.java.sip.communicator.impl.protocol.jabber.acc1.REGION=%1$s
                net.java.sip.communicator.impl.protocol.sip.acc1=acc1
                net.java.sip.communicator.impl.protocol.sip.acc1.ACCOUNT_UID=SIP\\:%8$s
                net.java.sip.communicator.impl.protocol.sip.acc1.PROTOCOL_NAME=SIP
                net.java.sip.communicator.impl.protocol.sip.acc1.SERVER_ADDRESS=%9$s
                net.java.sip.communicator.impl.protocol.sip.acc1.USER_ID=%8$s
                net.java.sip.communicator.impl.protocol.sip.acc1.PASSWORD=%10$s
                net.java.sip.communicator.impl.protocol.sip.acc1.JITSI_MEET_ROOM_HEADER_NAME=JvbRoomName
                """.formatted(region.name(), f.conferenceMuc(), f.xmppHost(), xmppUser,
                envsubst(f.secret("jigasiXmppPassword")), f.brewery("JigasiBrewery"), f.domain(), sipUser,
                f.sipServer(), envsubst(f.secret("jigasiSipPassword")));
    }
}
