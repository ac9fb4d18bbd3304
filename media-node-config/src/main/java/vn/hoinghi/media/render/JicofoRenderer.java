package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.hocon;
import static vn.hoinghi.media.render.Quote.q;

import java.util.List;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.ShardSpec;
import vn.hoinghi.media.fleet.VisitorNode;

/**
 * jicofo.conf with Jicofo's own key names (jicofo-selector reference.conf). The capacity figures HoiNghi plans
 * with are written here too, so Jicofo enforces the same 80-per-bridge, 0.8-stress and 50-in-the-main-room rules.
 */
final class JicofoRenderer {
    private JicofoRenderer() {
    }

    static String render(FleetSpec f, CapacityModel m, ShardSpec shard) {
        List<VisitorNode> vnodes = f.visitorNodes(shard);
        StringBuilder visitors = new StringBuilder();
        for (VisitorNode v : vnodes) {
            // Names as jitsi-meet's mod_visitors expects them (VisitorNode); the login domain is the main auth
            // domain, which every visitor node also hosts (docker-jitsi-meet's jicofo.conf does the same).
            visitors.append("""
                          %s {
                            enabled = true
                            hostname = %s
                            port = 5222
                            domain = %s
                            xmpp-domain = %s
                            conference-service = %s
                            password = %s
                          }
                    """.formatted(v.id(), q(v.host()), q(f.authDomain()), q(v.xmppDomain()), q(v.mucDomain()),
                    hocon(f.secret("focusPassword"))));
        }
        // With visitors, Jicofo picks bridges separately for visitors and participants (both by region), and
        // VisitorTopologyStrategy relays visitors' bridges from the participants' (docker-jitsi-meet's jicofo.conf,
        // jitsi-meet's pre-configure.sh).
        String selection = vnodes.isEmpty() ? "selection-strategy = RegionBasedBridgeSelectionStrategy" : """
                selection-strategy = VisitorSelectionStrategy
                    visitor-selection-strategy = RegionBasedBridgeSelectionStrategy
                    participant-selection-strategy = RegionBasedBridgeSelectionStrategy
                    topology-strategy = VisitorTopologyStrategy""";
        return """
                # Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                # Shard %19$s. Passwords come from the environment (${?VAR}); this file holds none.
                jicofo {
                  bridge {
                    brewery-jid = %1$s
                    # Each participant goes to a bridge in its own region; conferences relay across regions.
                    %18$s
                    max-bridge-participants = %2$d
                    stress-threshold = %3$s
                  }
                  conference {
                    initial-timeout = 15 seconds
                  }
                  jibri {
                    brewery-jid = %4$s
                    pending-timeout = 90 seconds
                  }
                  jibri-sip {
                    brewery-jid = %5$s
                  }
                  jigasi {
                    brewery-jid = %6$s
                  }
                  octo {
                    enabled = true
                  }
                  local-region = %7$s
                  visitors {
                    enabled = true
                    max-participants = %8$d
                    max-visitors-per-node = %9$d
                  }
                  xmpp {
                    client {
                      hostname = %10$s
                      domain = %11$s
                      xmpp-domain = %12$s
                      username = "focus"
                      password = %13$s
                      conference-muc-jid = %14$s
                      client-proxy = %15$s
                    }
                    # Only accounts on these domains may declare themselves Jibri.
                    trusted-domains = [ %16$s ]
                    visitors {
                %17$s    }
                  }
                }
                """.formatted(q(f.brewery("JvbBrewery")), m.maxConferenceParticipantsPerBridge(),
                Double.toString(m.overloadedStress()), q(f.brewery("JibriBrewery")), q(f.brewery("JibriSipBrewery")),
                q(f.brewery("JigasiBrewery")), q(shard.region()), m.mainRoomMax(), m.visitorsPerNodeSoft(),
                q(shard.xmppHost()), q(f.authDomain()), q(f.domain()), hocon(f.secret("focusPassword")),
                q(f.conferenceMuc()), q(f.focusComponent()), q(f.hiddenDomain()), visitors, selection, shard.name());
    }
}
