-- Imports and edits update room systems in place, matched by address, instead of deleting and re-creating them:
-- invitations and holds point at a room system's id, so a re-created row broke their foreign keys (issue 11).
-- position keeps the order the user gave (it was the id order while rows were re-created on every write).
ALTER TABLE room_system ADD COLUMN position integer NOT NULL DEFAULT 0;
UPDATE room_system r SET position = o.n
  FROM (SELECT id, row_number() OVER (PARTITION BY site_code ORDER BY id) - 1 AS n FROM room_system) o
 WHERE o.id = r.id;

-- A room system taken off a site while past meetings still name it is retired rather than deleted, so their
-- history keeps its address. A retired row belongs to no site's list and its address is free: whoever lists the
-- address again gets this row back (same id), which keeps "one row per address" true.
ALTER TABLE room_system ADD COLUMN retired_at timestamptz;
