package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.q;

import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.VisitorNode;

/**
 * The orchestrator's {@code hoinghi.xmpp.visitor-nodes} block for the fleet's visitor nodes, so the nodes HoiNghi
 * sits in for the roll-call are the nodes the fleet has, under the names their Prosody configs give them: the
 * node's c2s host, its jitsi-meet domain {@code vN.meet.jitsi} and MUC, and the account that
 * {@link VisitorProsodyRenderer} lists in {@code hoinghi_roll_call_jids} on the node's copy of {@code auth.<domain>}.
 * Keys are those of the orchestrator's {@code VisitorNodeConfig}; the password is a Micronaut placeholder of the
 * fleet's secret reference, never a value.
 */
final class OrchestratorVisitorNodesRenderer {
    private OrchestratorVisitorNodesRenderer() {
    }

    static String render(FleetSpec f) {
        StringBuilder b = new StringBuilder("""
                # Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                # The orchestrator's visitor nodes (orchestrator README, "all-hands"): give this file to the orchestrator
                # as an extra configuration file (MICRONAUT_CONFIG_FILES), beside its application.yml. Holds no secret.
                hoinghi:
                  xmpp:
                """);
        if (f.visitorNodes().isEmpty()) {
            return b.append("    visitor-nodes: {}\n").toString();
        }
        b.append("    visitor-nodes:\n");
        String password = "${" + f.secret("hoinghiVisitorNodePassword").envVar() + ":}";
        for (VisitorNode v : f.visitorNodes()) {
            b.append("""
                          %s:
                            # region %s, shard %s
                            host: %s
                            port: 5222
                            domain: %s
                            login-domain: %s
                            muc-domain: %s
                            username: %s
                            password: %s
                    """.formatted(v.id(), v.region(), v.shard().name(), q(v.host()), q(v.xmppDomain()),
                    q(f.authDomain()), q(v.mucDomain()), q(f.visitorNodeAccount()), q(password)));
        }
        return b.toString();
    }
}
