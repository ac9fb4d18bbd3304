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
--
-- Also, unless hoinghi_lean_occupant_list = false: a joining occupant's occupant list is built only from the
-- occupants it will be sent. Prosody 0.12's room:send_occupant_list builds (clones, fills, fires
-- muc-build-occupant-presence for) every occupant's presence and only then drops those whose role is not broadcast,
-- so on a visitor node each viewer's join costs a presence build per viewer already there: O(n^2) per node, 15 s of
-- one core for 500 viewers (orchestrator/README.md, "The all-hands end to end"). Skipping them before the build
-- sends exactly the same stanzas (the test compares the bytes every joiner receives) at O(n) per node.
local st = require "util.stanza";
local jid_bare = require "util.jid".bare;

local roll_call_jids = module:get_option_set("hoinghi_roll_call_jids", {});
local lean_occupant_list = module:get_option_boolean("hoinghi_lean_occupant_list", true);
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

-- The lean occupant list (see the header), per room so that nothing outside this MUC component changes. With
-- presence broadcast to "none" (unaffiliated occupants) Prosody also lists absent affiliated users, keyed on who it
-- built: that case keeps Prosody's own code. Visitor-node rooms are never persistent, so "created" sees them all.
local function lean(prosodys_send_occupant_list)
    return function(room, to, filter)
        local broadcast = room:get_presence_broadcast();
        if broadcast.none then
            return prosodys_send_occupant_list(room, to, filter);
        end
        local to_bare = jid_bare(to);
        return prosodys_send_occupant_list(room, to, function(occupant_jid, occupant)
            if occupant and occupant.bare_jid ~= to_bare and not broadcast[occupant.role or "none"] then
                return false; -- Prosody would build this presence, then not send it
            end
            return filter == nil or filter(occupant_jid, occupant);
        end);
    end
end

if lean_occupant_list then
    module:hook("muc-room-created", function(event)
        event.room.send_occupant_list = lean(event.room.send_occupant_list);
    end);
end
