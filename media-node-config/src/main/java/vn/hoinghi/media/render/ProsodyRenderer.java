package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.lua;
import static vn.hoinghi.media.render.Quote.q;

import java.util.List;
import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.ShardSpec;
import vn.hoinghi.media.fleet.VisitorNode;

/**
 * prosody.cfg.lua for one shard, in the layout of jitsi-meet's Debian package (DESIGN.md §3): token
 * authentication on the main host, mod_reservations asking HoiNghi before a room exists, Jicofo as the only room
 * creator, breweries on internal.auth, and HoiNghi's account on the hidden domain as an admin so it owns rooms.
 * With visitor nodes, the main side of jitsi-meet's visitors setup: {@code mod_visitors} on the main host,
 * the {@code visitors_component}, and s2s to the shard's visitor nodes only (docker-jitsi-meet's prosody.cfg.lua).
 */
final class ProsodyRenderer {
    private ProsodyRenderer() {
    }

    static String render(FleetSpec f, ShardSpec shard) {
        List<VisitorNode> vnodes = f.visitorNodes(shard);
        String d = f.domain();
        String focus = "focus@" + f.authDomain();
        String jvb = "jvb@" + f.authDomain();
        String admins = "{ " + q(focus) + ", " + q(f.orchestratorJid()) + " }";
        return """
                -- Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                -- Holds no secret: ENV_<NAME> reads the environment variable <NAME> when Prosody starts.
                plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/", %21$s }

                -- Jicofo and HoiNghi's own account: admins own every room (HoiNghi grants moderator to the host site).
                admins = %1$s
                modules_enabled = { "roster"; "saslauth"; "tls"; "disco"; "ping"; "posix"; "smacks";%19$s }
                c2s_require_encryption = true
                muc_mapper_domain_base = %2$s
                http_default_host = %2$s
                consider_bosh_secure = true
                -- Components that stream presence every 5 s must not be rate-limited.
                unlimited_jids = { %3$s, %4$s }
                %20$s
                VirtualHost %2$s
                    authentication = "token"
                    app_id = %5$s
                    app_secret = %6$s
                    asap_accepted_audiences = { %7$s }
                    -- Prosody checks nbf/exp only when present; HoiNghi always sets them (DESIGN.md §3).
                    allow_empty_token = false
                    modules_enabled = { "bosh"; "websocket"; "speakerstats"; "conference_duration"; "muc_lobby_rooms"; "presence_identity"; "reservations"; "visitors"; }
                    main_muc = %8$s
                    lobby_muc = %9$s
                    speakerstats_component = %10$s
                    conference_duration_component = %11$s
                    -- Room admission: Prosody asks HoiNghi before it creates a room (retries 5xx 3 times).
                    reservations_api_prefix = %12$s
                    -- The orchestrator checks "Authorization: Bearer <secret>"; no secret set -> "Bearer " -> every room refused.
                    reservations_api_headers = { ["Authorization"] = "Bearer " .. (%13$s or "") }
                    reservations_api_timeout = 20
                    reservations_api_retry_count = 3
                    -- mod_visitors does not mirror these occupants (Jibri's recorder, HoiNghi) to visitor nodes.
                    visitors_ignore_list = { %17$s }

                Component %8$s "muc"
                    -- Only Jicofo creates conference rooms; HoiNghi sends the ConferenceIq and waits for ready.
                    restrict_room_creation = true
                    storage = "memory"
                    modules_enabled = { "muc_meeting_id"; "muc_domain_mapper"; "token_verification"; "muc_resource_validate"; "muc_password_whitelist"; "hoinghi_main_room"; }
                    admins = %1$s
                    -- mod_hoinghi_main_room: HoiNghi's occupant lists the sites Jicofo keeps in the main room
                    -- (room metadata `participants`); without it, once a room has viewers, every later site
                    -- would be sent to a visitor node too.
                    hoinghi_main_room_jids = { %22$s }
                    muc_password_whitelist = { %3$s }
                    muc_room_locking = false
                    muc_room_default_public_jids = true

                -- Breweries: JvbBrewery, JigasiBrewery, JibriBrewery, JibriSipBrewery live here.
                Component %14$s "muc"
                    storage = "memory"
                    modules_enabled = { "ping"; }
                    admins = { %3$s, %4$s }
                    muc_room_locking = false
                    muc_room_default_public_jids = true

                Component %9$s "muc"
                    storage = "memory"
                    restrict_room_creation = true
                    muc_room_locking = false
                    muc_room_default_public_jids = true

                Component %10$s "speakerstats_component"
                    muc_component = %8$s

                Component %11$s "conference_duration_component"
                    muc_component = %8$s

                -- Sends Jicofo the room metadata, with mod_hoinghi_main_room's `participants`.
                Component %23$s "room_metadata_component"
                    muc_component = %8$s

                -- Large meetings: Jicofo redirects visitors to visitor nodes (jicofo.xmpp.visitors) and tells this
                -- component which nodes a room uses; raised hands come back here as promotion requests.
                Component %15$s "visitors_component"
                    auto_allow_visitor_promotion = true

                -- Jicofo, bridges and gateways log in here.
                VirtualHost %16$s
                    authentication = "internal_hashed"
                    modules_enabled = { "limits_exception"; }

                -- Hidden domain: Jibri's recorder and HoiNghi's own account; the web client hides its occupants.
                VirtualHost %17$s
                    authentication = "internal_hashed"
                    modules_enabled = { "limits_exception"; }

                -- The focus address HoiNghi sends ConferenceIq to (mod_reservations only sees IQs sent here).
                Component %18$s "client_proxy"
                    target_address = %3$s
                """.formatted(admins, q(d), q(focus), q(jvb), q(f.jwtAppId()), lua(f.secret("jwtAppSecret")),
                String.join(", ", f.jwtAudiences().stream().map(Quote::q).toList()), q(f.conferenceMuc()),
                q("lobby." + d), q("speakerstats." + d), q("conferenceduration." + d), q(f.reservationsUrl()),
                lua(f.secret("reservationsToken")), q(f.internalMuc()), q("visitors." + d), q(f.authDomain()),
                q(f.hiddenDomain()), q(f.focusComponent()), vnodes.isEmpty() ? "" : S2S_MODULES,
                vnodes.isEmpty() ? "" : s2s(vnodes), q(VisitorProsodyRenderer.HOINGHI_PLUGINS),
                q(f.orchestratorJid()), q("metadata." + d));
    }

    /** jitsi-meet's s2s modules for visitors; s2s_bidi is Prosody's own from 0.12, the others jitsi-meet's. */
    static final String S2S_MODULES =
            " \"s2s_bidi\"; \"certs_s2soutinjection\"; \"s2sout_override\"; \"s2s_whitelist\";";

    private static String s2s(List<VisitorNode> vnodes) {
        StringBuilder override = new StringBuilder();
        StringBuilder allowed = new StringBuilder();
        for (VisitorNode v : vnodes) {
            String target = q("tcp://" + v.host() + ":5269");
            override.append("    [").append(q(v.mucDomain())).append("] = ").append(target).append(";\n")
                    .append("    [").append(q(v.xmppDomain())).append("] = ").append(target).append(";\n");
            allowed.append("    ").append(q(v.mucDomain())).append("; ").append(q(v.xmppDomain())).append(";\n");
        }
        return """

                -- Visitor nodes of this shard: their names (vN.meet.jitsi) exist only here, so s2s goes straight to
                -- each node's host (mod_s2sout_override; Prosody >= 0.12.4, see README) and to nobody else.
                s2s_ports = { 5269 }
                s2sout_override = {
                %s}
                -- vN.meet.jitsi itself is listed too: visitors' promotion requests come from it, and
                -- mod_s2s_whitelist closes incoming streams from any host not listed.
                s2s_whitelist = {
                %s}
                """.formatted(override, allowed);
    }
}
