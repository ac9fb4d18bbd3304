-- mod_hoinghi_roll_call: HoiNghi's roll-call on a Jitsi visitor node. Load it on the visitor node's MUC component,
-- beside jitsi-meet's mod_fmuc:
--
--   Component "conference.v1.meet.example" "muc"
--     modules_enabled = { "fmuc", "hoinghi_roll_call", ... }
--     muc_room_default_presence_broadcast = { visitor = false; participant = true; moderator = true; }
--     hoinghi_roll_call_jids = { "hoinghi@auth.v1.meet.example" }
--
-- Why: on a visitor node a visitor's presence is broadcast to nobody (presence_broadcast visitor = false), which is
-- what keeps a room of 2,000 viewers O(N) for Prosody; mod_fmuc hands it to Jicofo's occupant only. HoiNghi's
-- occupant in the same room (its account listed in hoinghi_roll_call_jids) gets the same treatment here: every
-- visitor's presence, with the <identity> presence_identity put in, and an unavailable presence when it leaves.
-- A HoiNghi occupant that joins gets the visitors already there, before its own self-presence, as a MUC sends its
-- occupant list, so it can tell who left while it was away; so does one that joins again while Prosody still has it
-- (its join timed out on a busy node, and the client lost what came): Prosody sends such a "desynced" occupant the
-- occupant list again, and visitors are not on it.
local st = require "util.stanza";

local roll_call_jids = module:get_option_set("hoinghi_roll_call_jids", {});
local MUC_USER = "http://jabber.org/protocol/muc#user";

-- room -> { listeners = { nick = true }, visitors = { nick = true } }; weak, so destroyed rooms go away.
local state = setmetatable({}, { __mode = "k" });

local function of(room)
    local s = state[room];
    if not s then
        s = { listeners = {}, visitors = {} };
        state[room] = s;
    end
    return s;
end

local function to_listeners(room, presence)
    for nick in pairs(of(room).listeners) do
        local listener = room:get_occupant_by_nick(nick);
        if listener then
            room:route_to_occupant(listener, st.clone(presence));
        end
    end
end

local function visitor_presence(room, occupant, x)
    local full_x = st.clone(x or st.stanza("x", { xmlns = MUC_USER }));
    room:build_item_list(occupant, full_x, false, occupant.nick);
    return st.clone(occupant:get_presence()):add_child(full_x);
end

local function hand_over(room, to)
    for nick, o in room:each_occupant() do
        if o.role == "visitor" then
            local p = visitor_presence(room, o);
            p.attr.from, p.attr.to = nick, to;
            room:route_stanza(p);
            of(room).visitors[nick] = true;
        end
    end
end

-- Last in the pre-join chain (every check has passed): the visitors already in the room, to HoiNghi only.
module:hook("muc-occupant-pre-join", function(event)
    if roll_call_jids:contains(event.occupant.bare_jid) then
        hand_over(event.room, event.stanza.attr.from);
    end
end, -100);

module:hook("muc-occupant-pre-change", function(event)
    local occupant, stanza = event.dest_occupant, event.stanza;
    if occupant and roll_call_jids:contains(occupant.bare_jid)
        and stanza:get_child("x", "http://jabber.org/protocol/muc") then
        hand_over(event.room, stanza.attr.from);
    end
end, -100);

module:hook("muc-occupant-joined", function(event)
    if roll_call_jids:contains(event.occupant.bare_jid) then
        of(event.room).listeners[event.occupant.nick] = true;
    end
end);

-- A visitor's presence (join or change), as mod_fmuc sends it to Jicofo.
module:hook("muc-broadcast-presence", function(event)
    local room, occupant = event.room, event.occupant;
    if occupant.role ~= "visitor" or next(of(room).listeners) == nil then
        return;
    end
    local full_x = st.clone(event.x.full or event.x);
    room:build_item_list(occupant, full_x, false, event.nick);
    to_listeners(room, st.clone(event.stanza):add_child(full_x));
    of(room).visitors[occupant.nick] = true;
end);

-- The role is already gone when an occupant has left, so visitors are known by having been forwarded.
module:hook("muc-occupant-left", function(event)
    local room, occupant = event.room, event.occupant;
    local s = of(room);
    s.listeners[occupant.nick] = nil;
    if s.visitors[occupant.nick] then
        s.visitors[occupant.nick] = nil;
        to_listeners(room, st.presence({ from = occupant.nick, type = "unavailable" })
            :tag("x", { xmlns = MUC_USER }):tag("item", { affiliation = "none", role = "none" }):up():up());
    end
end);
