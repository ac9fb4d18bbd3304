package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.envsubst;
import static vn.hoinghi.media.render.Quote.envsubstBase64;

import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.RegionSpec;
import vn.hoinghi.media.fleet.ShardSpec;

/**
 * Jigasi's sip-communicator.properties for a region: one XMPP control account per shard, each joining that
 * shard's JigasiBrewery (so its Jicofo can route Rayo dial-outs here, DESIGN.md §3), and one SIP account on the
 * ministry's registrar. Property names are the ones jigasi's sources read (README lists them). Account
 * {@code PASSWORD}s are base64, as jitsi's credentials storage keeps them (docker-jitsi-meet applies
 * {@code b64enc}); {@code org.jitsi.jigasi.xmpp.acc.PASS} is plain. All are {@code ${VAR}} placeholders that the
 * deploy step fills with envsubst: properties files have no environment lookup of their own.
 */
final class JigasiRenderer {
    private JigasiRenderer() {
    }

    static String render(FleetSpec f, RegionSpec region) {
        StringBuilder accounts = new StringBuilder();
        for (ShardSpec s : f.shards()) {
            accounts.append(xmppAccount(f, s));
        }
        String sipUser = f.jigasiSipAccount();
        return """
                # Rendered by HoiNghi media-node-config for region %1$s. Edit the fleet file, not this.
                # ${VAR} placeholders are filled by envsubst at deploy time; this file in git holds no secret.
                org.jitsi.jigasi.MUC_SERVICE_ADDRESS=%2$s
                # Region in Jigasi's presence: Jicofo places its endpoint on a bridge in this region.
                org.jitsi.jigasi.LOCAL_REGION=%1$s
                # The per-call XMPP account (one per call, joining the conference room) logs in as jigasi.
                org.jitsi.jigasi.xmpp.acc.USER_ID=jigasi@%3$s
                org.jitsi.jigasi.xmpp.acc.PASS=%4$s
                org.jitsi.jigasi.xmpp.acc.ANONYMOUS_AUTH=false
                org.jitsi.jigasi.xmpp.acc.VIDEO_CALLING_DISABLED=true
                %5$snet.java.sip.communicator.impl.protocol.sip.acc1=acc1
                net.java.sip.communicator.impl.protocol.sip.acc1.ACCOUNT_UID=SIP\\:%6$s
                net.java.sip.communicator.impl.protocol.sip.acc1.PROTOCOL_NAME=SIP
                net.java.sip.communicator.impl.protocol.sip.acc1.SERVER_ADDRESS=%7$s
                net.java.sip.communicator.impl.protocol.sip.acc1.USER_ID=%6$s
                net.java.sip.communicator.impl.protocol.sip.acc1.PASSWORD=%8$s
                net.java.sip.communicator.impl.protocol.sip.acc1.DOMAIN_BASE=%9$s
                net.java.sip.communicator.impl.protocol.sip.acc1.JITSI_MEET_ROOM_HEADER_NAME=JvbRoomName
                """.formatted(region.name(), f.conferenceMuc(), f.authDomain(),
                envsubst(f.secret("jigasiXmppPassword")), accounts, sipUser, f.sipServer(),
                envsubstBase64(f.secret("jigasiSipPassword")), f.domain());
    }

    /**
     * The control account for one shard. Its BOSH_URL_PATTERN also routes the per-call account of every call that
     * shard's Jicofo asks for to the same shard (jigasi's CallContext / JvbConference); the shard's web server
     * proxies /http-bind to its Prosody, as in jitsi-meet's Debian layout.
     */
    private static String xmppAccount(FleetSpec f, ShardSpec s) {
        String p = "net.java.sip.communicator.impl.protocol.jabber.acc-" + s.name();
        String user = "jigasi@" + f.authDomain();
        return """
                # Control account for shard %2$s.
                %1$s=acc-%2$s
                %1$s.ACCOUNT_UID=Jabber:%3$s@%2$s
                %1$s.USER_ID=%3$s
                %1$s.IS_SERVER_OVERRIDDEN=true
                %1$s.SERVER_ADDRESS=%4$s
                %1$s.SERVER_PORT=5222
                %1$s.PASSWORD=%5$s
                %1$s.BREWERY=%6$s
                %1$s.DOMAIN_BASE=%7$s
                %1$s.BOSH_URL_PATTERN=https://%4$s/http-bind?room={roomName}
                """.formatted(p, s.name(), user, s.xmppHost(), envsubstBase64(f.secret("jigasiXmppPassword")),
                f.brewery("JigasiBrewery"), f.domain());
    }

    /**
     * jigasi.conf (HOCON, read through jitsi-metaconfig): the REST API that serves {@code /about/health}, kept on
     * loopback for the node's own health check; the keys are jigasi's reference.conf ones.
     */
    static String hocon(RegionSpec region) {
        return """
                # Rendered by HoiNghi media-node-config for region %s. Edit the fleet file, not this.
                org.jitsi.jigasi {
                  rest {
                    # GET /about/health for the node's own health check (systemd / Ansible); loopback only.
                    host = "127.0.0.1"
                    port = 8788
                  }
                }
                """.formatted(region.name());
    }
}
