package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.q;

import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.VisitorNode;

/**
 * prosody.cfg.lua of a visitor node: its own Prosody holding the visitor copy of a shard's rooms, federated with
 * that shard's Prosody over s2s. Follows docker-jitsi-meet's {@code prosody/rootfs/defaults/conf.d/visitors.cfg.lua}
 * and jitsi-meet's {@code doc/extra-large-conference/prosody.cfg.lua.visitor.template}: an anonymous host
 * {@code vN.meet.jitsi} for visitors' browsers, the main {@code auth.<domain>} host for Jicofo's focus account (an
 * admin here), and the visitor MUC {@code conference.vN.meet.jitsi} with {@code mod_fmuc}. The MUC's occupant cap
 * is the capacity model's hard limit per node, so a node can never take more than the model allows. HoiNghi's
 * {@code mod_hoinghi_roll_call} (orchestrator/prosody-plugins, installed in {@link #HOINGHI_PLUGINS}) sits beside
 * mod_fmuc and hands the viewers' presence to HoiNghi's account on the node, for the roll-call.
 */
final class VisitorProsodyRenderer {
    /** Where Ansible's prosody role installs orchestrator/prosody-plugins on every Prosody host. */
    static final String HOINGHI_PLUGINS = "/usr/share/hoinghi/prosody-plugins/";

    private VisitorProsodyRenderer() {
    }

    static String render(FleetSpec f, CapacityModel m, VisitorNode v) {
        String d = f.domain();
        String focus = "focus@" + f.authDomain();
        String hoinghi = q(f.visitorNodeJid());
        String main = q("tcp://" + v.shard().xmppHost() + ":5269");
        return """
                -- Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                -- Visitor node %1$s (region %2$s) of shard %3$s; holds no secret.
                plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/"; %15$s }

                -- Jicofo's focus account is the admin here too: mod_fmuc leaves admins out of the visitor counts.
                -- So is HoiNghi's, for the same reason: it is neither a viewer nor a main participant.
                admins = { %4$s; %16$s }
                modules_enabled = { "saslauth"; "tls"; "disco"; "ping"; "posix"; "smacks"; "limits";%5$s }
                c2s_require_encryption = true
                -- This node's own host; mod_fmuc, mod_muc_domain_mapper and the visitors modules read these three.
                muc_mapper_domain_base = %6$s
                muc_mapper_domain_prefix = "conference"
                main_domain = %7$s
                http_default_host = %6$s
                consider_bosh_secure = true
                consider_websocket_secure = true
                unlimited_jids = { %4$s }
                limits = {
                    c2s = { rate = "512kb/s"; };
                    s2sin = { rate = "512kb/s"; };
                }

                -- The shard's Prosody is the only s2s peer: its MUC, main host, visitors component and hidden domain.
                s2s_ports = { 5269 }
                s2sout_override = {
                    [%8$s] = %9$s;
                    [%7$s] = %9$s;
                    [%10$s] = %9$s;
                    [%11$s] = %9$s;
                }
                s2s_whitelist = { %8$s; %7$s; %10$s; %11$s; }

                -- Visitors' browsers: BOSH / WebSocket through the web tier, no account (jitsi-anonymous).
                VirtualHost %6$s
                    authentication = "jitsi-anonymous"
                    modules_enabled = { "bosh"; "websocket"; "smacks"; "features_identity"; }
                    main_muc = %12$s

                -- Jicofo logs in here with the same focus account and password as on the main Prosody; HoiNghi with
                -- %16$s, registered on this node with the password in $%17$s
                -- (the orchestrator's hoinghi.xmpp.visitor-nodes.%1$s.password reads the same variable).
                VirtualHost %13$s
                    authentication = "internal_hashed"
                    modules_enabled = { "limits_exception"; }

                Component %12$s "muc"
                    storage = "memory"
                    muc_room_cache_size = 10000
                    restrict_room_creation = true
                    modules_enabled = { "muc_hide_all"; "muc_meeting_id"; "muc_domain_mapper"; "fmuc"; "hoinghi_roll_call"; "muc_max_occupants"; }
                    -- Visitors receive the main participants' presence, not each other's.
                    muc_room_default_presence_broadcast = {
                        visitor = false;
                        participant = true;
                        moderator = true;
                    }
                    muc_room_locking = false
                    muc_room_default_public_jids = true
                    -- The capacity model's hard limit per node; main participants (from %7$s) do not count.
                    muc_max_occupants = %14$d
                    muc_access_whitelist = { %7$s }
                    muc_tombstones = false
                    muc_room_allow_persistent = false
                    -- mod_hoinghi_roll_call: every viewer's presence to HoiNghi's occupant too, as mod_fmuc to Jicofo's.
                    hoinghi_roll_call_jids = { %16$s }
                """.formatted(v.id(), v.region(), v.shard().name(), q(focus), ProsodyRenderer.S2S_MODULES,
                q(v.xmppDomain()), q(d), q(f.conferenceMuc()), main, q("visitors." + d), q(f.hiddenDomain()),
                q(v.mucDomain()), q(f.authDomain()), m.visitorsPerNodeHard(), q(HOINGHI_PLUGINS), hoinghi,
                f.secret("hoinghiVisitorNodePassword").envVar());
    }
}
