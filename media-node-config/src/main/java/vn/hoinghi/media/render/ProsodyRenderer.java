package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.lua;
import static vn.hoinghi.media.render.Quote.q;

import vn.hoinghi.media.fleet.FleetSpec;

/**
 * prosody.cfg.lua for the fleet's shard, in the layout of jitsi-meet's Debian package (DESIGN.md §3): token
 * authentication on the main host, mod_reservations asking HoiNghi before a room exists, Jicofo as the only room
 * creator, breweries on internal.auth, and HoiNghi's account on the hidden domain as an admin so it owns rooms.
 */
final class ProsodyRenderer {
    private ProsodyRenderer() {
    }

    static String render(FleetSpec f) {
        String d = f.domain();
        String focus = "focus@" + f.authDomain();
        String jvb = "jvb@" + f.authDomain();
        String admins = "{ " + q(focus) + ", " + q(f.orchestratorJid()) + " }";
        return """
                -- Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
                -- Holds no secret: ENV_<NAME> reads the environment variable <NAME> when Prosody starts.
                plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/" }

                -- Jicofo and HoiNghi's own account: admins own every room (HoiNghi grants moderator to the host site).
                admins = %1$s
                modules_enabled = { "roster"; "saslauth"; "tls"; "disco"; "ping"; "posix"; "smacks"; }
                c2s_require_encryption = true
                muc_mapper_domain_base = %2$s
                http_default_host = %2$s
                consider_bosh_secure = true
                -- Components that stream presence every 5 s must not be rate-limited.
                unlimited_jids = { %3$s, %4$s }

                VirtualHost %2$s
                    authentication = "token"
                    app_id = %5$s
                    app_secret = %6$s
                    asap_accepted_audiences = { %7$s }
                    -- Prosody checks nbf/exp only when present; HoiNghi always sets them (DESIGN.md §3).
                    allow_empty_token = false
                    modules_enabled = { "bosh"; "websocket"; "speakerstats"; "conference_duration"; "muc_lobby_rooms"; "presence_identity"; "reservations"; }
                    main_muc = %8$s
                    lobby_muc = %9$s
                    speakerstats_component = %10$s
                    conference_duration_component = %11$s
                    -- Room admission: Prosody asks HoiNghi before it creates a room (retries 5xx 3 times).
                    reservations_api_prefix = %12$s
                    reservations_api_headers = { ["X-HoiNghi-Reservations-Token"] = %13$s }
                    reservations_api_timeout = 20
                    reservations_api_retry_count = 3

                Component %8$s "muc"
                    -- Only Jicofo creates conference rooms; HoiNghi sends the ConferenceIq and waits for ready.
                    restrict_room_creation = true
                    storage = "memory"
                    modules_enabled = { "muc_meeting_id"; "muc_domain_mapper"; "token_verification"; "muc_resource_validate"; "muc_password_whitelist"; "visitors"; }
                    admins = %1$s
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

                -- Large meetings: visitors are redirected to visitor nodes (jicofo.xmpp.visitors).
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
                q(f.hiddenDomain()), q(f.focusComponent()));
    }
}
