package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.hocon;
import static vn.hoinghi.media.render.Quote.q;

import java.util.stream.Collectors;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.BridgeNode;
import vn.hoinghi.media.fleet.FleetSpec;

/**
 * jvb.conf for one bridge, keys from jitsi-videobridge's reference.conf. Load is measured by packet rate with the
 * thresholds HoiNghi plans with (overloaded at 50,000 pps, recovered at 40,000), so the stress the bridge reports
 * in presence is the one the capacity model predicts. A bridge joins the JvbBrewery of its own shard only. Its
 * private REST (stats for the collector, drain for the orchestrator's cordon) stays on the internal interface.
 */
final class JvbRenderer {
    private JvbRenderer() {
    }

    static String render(FleetSpec f, CapacityModel m, BridgeNode b) {
        String lastN = m.lastNLimits().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
        return """
                # Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                # Shard %10$s.
                videobridge {
                  apis {
                    xmpp-client {
                      configs {
                        hoinghi {
                          hostname = %1$s
                          domain = %2$s
                          username = "jvb"
                          password = %3$s
                          muc_jids = %4$s
                          muc_nickname = %5$s
                          disable_certificate_verification = false
                        }
                      }
                    }
                    # Private REST: /colibri/stats polled by the HoiNghi collector.
                    rest {
                      enabled = true
                    }
                  }
                  # The HoiNghi orchestrator puts a bridge an operator cordons into drain mode here
                  # (POST /colibri/drain/enable|disable), so Jicofo places no new conference on it.
                  rest {
                    drain {
                      enabled = true
                    }
                  }
                  http-servers {
                    # The private REST (plain HTTP, port 8080, drain and stats unauthenticated) listens on the
                    # bridge's internal address only: loopback unless the deployment sets JVB_PRIVATE_HOST.
                    private {
                      host = "127.0.0.1"
                      host = ${?JVB_PRIVATE_HOST}
                    }
                  }
                  stats {
                    interval = 5 seconds
                  }
                  relay {
                    enabled = true
                    region = %6$s
                    relay-id = %5$s
                  }
                  load-management {
                    load-measurements {
                      load-measurement = "packet-rate"
                      packet-rate {
                        load-threshold = %7$d
                        recovery-threshold = %8$d
                      }
                    }
                    conference-last-n-limits {
                      %9$s
                    }
                  }
                }
                """.formatted(q(b.shard().xmppHost()), q(f.authDomain()), hocon(f.secret("jvbPassword")),
                q(f.brewery("JvbBrewery")), q(b.id()), q(b.region().name()), m.bridgeStressPps(),
                m.plannedPpsPerBridge(), lastN, b.shard().name());
    }
}
