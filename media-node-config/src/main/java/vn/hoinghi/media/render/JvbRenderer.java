package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.hocon;
import static vn.hoinghi.media.render.Quote.q;

import java.util.stream.Collectors;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.RegionSpec;

/**
 * jvb.conf for one bridge, keys from jitsi-videobridge's reference.conf. Load is measured by packet rate with the
 * thresholds HoiNghi plans with (overloaded at 50,000 pps, recovered at 40,000), so the stress the bridge reports
 * in presence is the one the capacity model predicts.
 */
final class JvbRenderer {
    private JvbRenderer() {
    }

    static String render(FleetSpec f, CapacityModel m, RegionSpec region, String nodeId) {
        String lastN = m.lastNLimits().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
        return """
                # Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
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
                """.formatted(q(f.xmppHost()), q(f.authDomain()), hocon(f.secret("jvbPassword")),
                q(f.brewery("JvbBrewery")), q(nodeId), q(region.name()), m.bridgeStressPps(),
                m.plannedPpsPerBridge(), lastN);
    }
}
