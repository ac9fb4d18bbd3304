package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.hocon;
import static vn.hoinghi.media.render.Quote.q;

import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetSpec;

/**
 * jicofo.conf with Jicofo's own key names (jicofo-selector reference.conf). The capacity figures HoiNghi plans
 * with are written here too, so Jicofo enforces the same 80-per-bridge, 0.8-stress and 50-in-the-main-room rules.
 */
final class JicofoRenderer {
    private JicofoRenderer() {
    }

    static String render(FleetSpec f, CapacityModel m) {
        StringBuilder visitors = new StringBuilder();
        for (int i = 1; i <= f.visitorNodeCount(); i++) {
            String vnode = "v" + i + "." + f.domain();
            visitors.append("""
                          v%d {
                            enabled = true
                            hostname = %s
                            domain = %s
                            xmpp-domain = %s
                            conference-service = %s
                            password = %s
                          }
                    """.formatted(i, q(vnode), q("auth." + vnode), q(vnode), q("conference." + vnode),
                    hocon(f.secret("focusPassword"))));
        }
        return """
                # Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                # Passwords come from the environment (${?VAR}); this file holds none.
                jicofo {
                  bridge {
                    brewery-jid = %1$s
                    # Each participant goes to a bridge in its own region; conferences relay across regions.
                    selection-strategy = RegionBasedBridgeSelectionStrategy
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
                q(f.brewery("JigasiBrewery")), q(f.regions().get(0).name()), m.mainRoomMax(), m.visitorsPerNodeSoft(),
                q(f.xmppHost()), q(f.authDomain()), q(f.domain()), hocon(f.secret("focusPassword")),
                q(f.conferenceMuc()), q(f.focusComponent()), q(f.hiddenDomain()), visitors);
    }
}
