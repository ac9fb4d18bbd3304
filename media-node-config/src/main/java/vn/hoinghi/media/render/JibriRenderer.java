package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.envsubst;
import static vn.hoinghi.media.render.Quote.hocon;
import static vn.hoinghi.media.render.Quote.q;

import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.ShardSpec;

/**
 * jibri.conf and pjsua.config for one Jibri in SIP-gateway mode: it joins the SIP brewery (video room systems,
 * DESIGN.md §3) and logs in to conferences on the hidden recorder domain so the web client does not show it.
 * Keys are those jibri's {@code JibriConfig.kt} reads from {@code jibri.api.xmpp.environments}; one environment per
 * shard, so any shard's Jicofo can use any Jibri (a Jibri runs one session at a time across all of them).
 */
final class JibriRenderer {
    private JibriRenderer() {
    }

    static String render(FleetSpec f, String nodeId) {
        StringBuilder envs = new StringBuilder();
        for (ShardSpec s : f.shards()) {
            envs.append(environment(f, nodeId, s));
        }
        return """
                # Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                # Passwords come from the environment (${?VAR}); Jibri refuses to start if one is unset.
                jibri {
                  id = %s
                  api {
                    xmpp {
                      environments = [
                %s      ]
                    }
                  }
                }
                """.formatted(q(nodeId), envs);
    }

    private static String environment(FleetSpec f, String nodeId, ShardSpec shard) {
        return """
                        {
                          name = %9$s
                          xmpp-server-hosts = [ %2$s ]
                          xmpp-domain = %3$s
                          control-login {
                            domain = %4$s
                            username = "jibri"
                            password = %5$s
                          }
                          control-muc {
                            domain = %6$s
                            room-name = "JibriBrewery"
                            nickname = %1$s
                          }
                          sip-control-muc {
                            domain = %6$s
                            room-name = "JibriSipBrewery"
                            nickname = %1$s
                          }
                          call-login {
                            domain = %7$s
                            username = "recorder"
                            password = %8$s
                          }
                          strip-from-room-domain = "conference."
                          usage-timeout = 0
                          trust-all-xmpp-certs = false
                        }
                """.formatted(q(nodeId), q(shard.xmppHost()), q(f.domain()), q(f.authDomain()),
                hocon(f.secret("jibriXmppPassword")), q(f.internalMuc()), q(f.hiddenDomain()),
                hocon(f.secret("jibriRecorderPassword")), q("hoinghi-" + shard.name()));
    }

    /** pjsua options: the SIP account Jibri dials room systems from. The password is filled by envsubst. */
    static String pjsua(FleetSpec f) {
        String user = f.jibriSipAccount().substring(0, f.jibriSipAccount().indexOf('@'));
        return """
                --id "sip:%1$s"
                --registrar "sip:%2$s"
                --realm *
                --username %3$s
                --password %4$s
                --auto-update-nat 1
                --video
                --max-calls 1
                """.formatted(f.jibriSipAccount(), f.sipServer(), user, envsubst(f.secret("jibriSipPassword")));
    }
}
