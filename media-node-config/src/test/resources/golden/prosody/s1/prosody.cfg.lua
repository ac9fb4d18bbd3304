-- Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
-- Holds no secret: ENV_<NAME> reads the environment variable <NAME> when Prosody starts.
plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/", "/usr/share/hoinghi/prosody-plugins/" }

-- Jicofo and HoiNghi's own account: admins own every room (HoiNghi grants moderator to the host site).
admins = { "focus@auth.meet.hoinghi.gov.vn", "hoinghi@recorder.meet.hoinghi.gov.vn" }
modules_enabled = { "roster"; "saslauth"; "tls"; "disco"; "ping"; "posix"; "smacks"; "s2s_bidi"; "certs_s2soutinjection"; "s2sout_override"; "s2s_whitelist"; }
c2s_require_encryption = true
muc_mapper_domain_base = "meet.hoinghi.gov.vn"
http_default_host = "meet.hoinghi.gov.vn"
consider_bosh_secure = true
-- Components that stream presence every 5 s must not be rate-limited.
unlimited_jids = { "focus@auth.meet.hoinghi.gov.vn", "jvb@auth.meet.hoinghi.gov.vn" }

-- Visitor nodes of this shard: their names (vN.meet.jitsi) exist only here, so s2s goes straight to
-- each node's host (mod_s2sout_override; Prosody >= 0.12.4, see README) and to nobody else.
s2s_ports = { 5269 }
s2sout_override = {
    ["conference.v1.meet.jitsi"] = "tcp://prosody-v1.meet.hoinghi.gov.vn:5269";
    ["v1.meet.jitsi"] = "tcp://prosody-v1.meet.hoinghi.gov.vn:5269";
    ["conference.v3.meet.jitsi"] = "tcp://prosody-v3.meet.hoinghi.gov.vn:5269";
    ["v3.meet.jitsi"] = "tcp://prosody-v3.meet.hoinghi.gov.vn:5269";
}
-- vN.meet.jitsi itself is listed too: visitors' promotion requests come from it, and
-- mod_s2s_whitelist closes incoming streams from any host not listed.
s2s_whitelist = {
    "conference.v1.meet.jitsi"; "v1.meet.jitsi";
    "conference.v3.meet.jitsi"; "v3.meet.jitsi";
}

VirtualHost "meet.hoinghi.gov.vn"
    authentication = "token"
    app_id = "hoinghi"
    app_secret = ENV_HOINGHI_JWT_APP_SECRET
    asap_accepted_audiences = { "hoinghi" }
    -- Prosody checks nbf/exp only when present; HoiNghi always sets them (DESIGN.md §3).
    allow_empty_token = false
    modules_enabled = { "bosh"; "websocket"; "speakerstats"; "conference_duration"; "muc_lobby_rooms"; "presence_identity"; "reservations"; "visitors"; }
    main_muc = "conference.meet.hoinghi.gov.vn"
    lobby_muc = "lobby.meet.hoinghi.gov.vn"
    speakerstats_component = "speakerstats.meet.hoinghi.gov.vn"
    conference_duration_component = "conferenceduration.meet.hoinghi.gov.vn"
    -- Room admission: Prosody asks HoiNghi before it creates a room (retries 5xx 3 times).
    reservations_api_prefix = "https://hoinghi.moj.gov.vn/api/v1/reservations"
    -- The orchestrator checks "Authorization: Bearer <secret>"; no secret set -> "Bearer " -> every room refused.
    reservations_api_headers = { ["Authorization"] = "Bearer " .. (ENV_HOINGHI_RESERVATIONS_TOKEN or "") }
    reservations_api_timeout = 20
    reservations_api_retry_count = 3
    -- mod_visitors does not mirror these occupants (Jibri's recorder, HoiNghi) to visitor nodes.
    visitors_ignore_list = { "recorder.meet.hoinghi.gov.vn" }

Component "conference.meet.hoinghi.gov.vn" "muc"
    -- Only Jicofo creates conference rooms; HoiNghi sends the ConferenceIq and waits for ready.
    restrict_room_creation = true
    storage = "memory"
    modules_enabled = { "muc_meeting_id"; "muc_domain_mapper"; "token_verification"; "muc_resource_validate"; "muc_password_whitelist"; "hoinghi_main_room"; }
    admins = { "focus@auth.meet.hoinghi.gov.vn", "hoinghi@recorder.meet.hoinghi.gov.vn" }
    -- mod_hoinghi_main_room: HoiNghi's occupant lists the sites Jicofo keeps in the main room
    -- (room metadata `participants`); without it, once a room has viewers, every later site
    -- would be sent to a visitor node too.
    hoinghi_main_room_jids = { "hoinghi@recorder.meet.hoinghi.gov.vn" }
    muc_password_whitelist = { "focus@auth.meet.hoinghi.gov.vn" }
    muc_room_locking = false
    muc_room_default_public_jids = true

-- Breweries: JvbBrewery, JigasiBrewery, JibriBrewery, JibriSipBrewery live here.
Component "internal.auth.meet.hoinghi.gov.vn" "muc"
    storage = "memory"
    modules_enabled = { "ping"; }
    admins = { "focus@auth.meet.hoinghi.gov.vn", "jvb@auth.meet.hoinghi.gov.vn" }
    muc_room_locking = false
    muc_room_default_public_jids = true

Component "lobby.meet.hoinghi.gov.vn" "muc"
    storage = "memory"
    restrict_room_creation = true
    muc_room_locking = false
    muc_room_default_public_jids = true

Component "speakerstats.meet.hoinghi.gov.vn" "speakerstats_component"
    muc_component = "conference.meet.hoinghi.gov.vn"

Component "conferenceduration.meet.hoinghi.gov.vn" "conference_duration_component"
    muc_component = "conference.meet.hoinghi.gov.vn"

-- Sends Jicofo the room metadata, with mod_hoinghi_main_room's `participants`.
Component "metadata.meet.hoinghi.gov.vn" "room_metadata_component"
    muc_component = "conference.meet.hoinghi.gov.vn"

-- Large meetings: Jicofo redirects visitors to visitor nodes (jicofo.xmpp.visitors) and tells this
-- component which nodes a room uses; raised hands come back here as promotion requests.
Component "visitors.meet.hoinghi.gov.vn" "visitors_component"
    auto_allow_visitor_promotion = true

-- Jicofo, bridges and gateways log in here.
VirtualHost "auth.meet.hoinghi.gov.vn"
    authentication = "internal_hashed"
    modules_enabled = { "limits_exception"; }

-- Hidden domain: Jibri's recorder and HoiNghi's own account; the web client hides its occupants.
VirtualHost "recorder.meet.hoinghi.gov.vn"
    authentication = "internal_hashed"
    modules_enabled = { "limits_exception"; }

-- The focus address HoiNghi sends ConferenceIq to (mod_reservations only sees IQs sent here).
Component "focus.meet.hoinghi.gov.vn" "client_proxy"
    target_address = "focus@auth.meet.hoinghi.gov.vn"
