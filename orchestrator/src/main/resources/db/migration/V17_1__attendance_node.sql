-- Issue 15: where HoiNghi heard a join: 'main' for the conference's main room, else the id of the visitor node whose
-- room it was (hoinghi.xmpp.visitor-nodes.<id>). On re-entering one room HoiNghi corrects only the occupants it had
-- heard joining there: the viewers on the nodes are never in the main room's occupant list, and must not be marked
-- LEFT when the main Prosody restarts. A LEFT has no node (the endpoint's JOINED before it says where).
ALTER TABLE attendance_event ADD COLUMN node text;
UPDATE attendance_event SET node = 'main' WHERE kind = 'JOINED';
ALTER TABLE attendance_event ADD CONSTRAINT attendance_event_node_check CHECK ((kind = 'JOINED') = (node IS NOT NULL));
