-- Rendered by HoiNghi media-node-config from the fleet file. Edit the fleet file, not this.
-- Visitor node v2 (region Central) of shard s2; holds no secret.
plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/"; "/usr/share/hoinghi/prosody-plugins/" }

-- Jicofo's focus account is the admin here too: mod_fmuc leaves admins out of the visitor counts.
-- So is HoiNghi's, for the same reason: it is neither a viewer nor a main participant.
admins = { "focus@auth.meet.hoinghi.gov.vn"; "hoinghi@auth.meet.hoinghi.gov.vn" }
modules_enabled = { "saslauth"; "tls"; "disco"; "ping"; "posix"; "smacks"; "limits"; "s2s_bidi"; "certs_s2soutinjection"; "s2sout_override"; "s2s_whitelist"; }
c2s_require_encryption = true
-- This node's own host; mod_fmuc, mod_muc_domain_mapper and the visitors modules read these three.
muc_mapper_domain_base = "v2.meet.jitsi"
muc_mapper_domain_prefix = "conference"
main_domain = "meet.hoinghi.gov.vn"
http_default_host = "v2.meet.jitsi"
consider_bosh_secure = true
consider_websocket_secure = true
unlimited_jids = { "focus@auth.meet.hoinghi.gov.vn" }
limits = {
    c2s = { rate = "512kb/s"; };
    s2sin = { rate = "512kb/s"; };
}

-- The shard's Prosody is the only s2s peer: its MUC, main host, visitors component and hidden domain.
s2s_ports = { 5269 }
s2sout_override = {
    ["conference.meet.hoinghi.gov.vn"] = "tcp://s2.xmpp.meet.hoinghi.gov.vn:5269";
    ["meet.hoinghi.gov.vn"] = "tcp://s2.xmpp.meet.hoinghi.gov.vn:5269";
    ["visitors.meet.hoinghi.gov.vn"] = "tcp://s2.xmpp.meet.hoinghi.gov.vn:5269";
    ["recorder.meet.hoinghi.gov.vn"] = "tcp://s2.xmpp.meet.hoinghi.gov.vn:5269";
}
s2s_whitelist = { "conference.meet.hoinghi.gov.vn"; "meet.hoinghi.gov.vn"; "visitors.meet.hoinghi.gov.vn"; "recorder.meet.hoinghi.gov.vn"; }

-- Visitors' browsers: BOSH / WebSocket through the web tier, no account (jitsi-anonymous).
VirtualHost "v2.meet.jitsi"
    authentication = "jitsi-anonymous"
    modules_enabled = { "bosh"; "websocket"; "smacks"; "features_identity"; }
    main_muc = "conference.v2.meet.jitsi"

-- Jicofo logs in here with the same focus account and password as on the main Prosody; HoiNghi with
-- "hoinghi@auth.meet.hoinghi.gov.vn", registered on this node with the password in $HOINGHI_VISITOR_NODE_PASSWORD
-- (the orchestrator's hoinghi.xmpp.visitor-nodes.v2.password reads the same variable).
VirtualHost "auth.meet.hoinghi.gov.vn"
    authentication = "internal_hashed"
    modules_enabled = { "limits_exception"; }

Component "conference.v2.meet.jitsi" "muc"
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
    -- The capacity model's hard limit per node; main participants (from "meet.hoinghi.gov.vn") do not count.
    muc_max_occupants = 2000
    muc_access_whitelist = { "meet.hoinghi.gov.vn" }
    muc_tombstones = false
    muc_room_allow_persistent = false
    -- mod_hoinghi_roll_call: every viewer's presence to HoiNghi's occupant too, as mod_fmuc to Jicofo's.
    hoinghi_roll_call_jids = { "hoinghi@auth.meet.hoinghi.gov.vn" }
