-- mod_hoinghi_main_room: which sites Jicofo keeps in a meeting's main room. Load it on the main conference MUC,
-- beside jitsi-meet's room metadata component:
--
--   Component "conference.meet.example" "muc"
--     modules_enabled = { "hoinghi_main_room", ... }
--     hoinghi_main_room_jids = { "hoinghi@auth.meet.example" }
--
-- Why: Jicofo (ConferenceIqHandler, ChatRoomImpl.isPreferredInMainRoom) keeps a conference request in the main room
-- only if the JWT's context.user.id is in the room metadata's `participants` (or `moderators`); anyone else goes to
-- a visitor node once the conference has one in use. jitsi-meet's mod_room_metadata_component sends Jicofo that
-- list from room._data.participants, which clients cannot set and no jitsi-meet module fills. HoiNghi's occupant
-- (an account listed in hoinghi_main_room_jids) puts the interactive sites' codes (their tokens' user id) in its
-- presence, on joining and on any later change:
--
--   <main-room xmlns="urn:hoinghi:main-room"><site id="HN-01"/><site id="HCM-02"/></main-room>
--
-- This module stores them in room._data.participants, tells the metadata component (room-metadata-changed, so a
-- Jicofo already in the room gets the new list), and strips the element so no other occupant sees the list.
-- An element from anyone else is dropped and ignored.
local jid_bare = require "util.jid".bare;

local setter_jids = module:get_option_set("hoinghi_main_room_jids", {});
local NS = "urn:hoinghi:main-room";

local function take_list(event)
    local stanza = event.stanza;
    local element = stanza:get_child("main-room", NS);
    if not element then
        return;
    end
    stanza:remove_children("main-room", NS);
    local from = jid_bare(stanza.attr.from);
    if not setter_jids:contains(from) then
        module:log("warn", "Ignored a main-room list from %s in %s", from, event.room.jid);
        return;
    end
    local sites = {};
    for site in element:childtags("site", NS) do
        if site.attr.id and site.attr.id ~= "" then
            table.insert(sites, site.attr.id);
        end
    end
    event.room._data.participants = sites;
    module:log("info", "Main-room participants of %s: %d sites", event.room.jid, #sites);
    module:fire_event("room-metadata-changed", { room = event.room });
end

module:hook("muc-occupant-pre-join", take_list, 10);
module:hook("muc-occupant-pre-change", take_list, 10);
