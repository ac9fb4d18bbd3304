-- Issue 12: an operator's actions on a room system that did not come in. A retry is a new DIAL job (the jobs
-- table already makes it restart-safe) and an audit row; an escalation needs its own row, because it is what the
-- report shows afterwards: who escalated which site of which meeting, and how many contacts the text reached.
CREATE TABLE dial_escalation (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id        bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    site_code         citext      NOT NULL,
    actor             text        NOT NULL,
    note              text        CHECK (length(note) <= 500),
    created_at        timestamptz NOT NULL,
    -- Filled after the texts went out (outside the transaction that stored the row): NULL means "not yet known".
    texts_sent        integer,
    texts_failed      integer
);
CREATE INDEX dial_escalation_meeting_idx ON dial_escalation (meeting_id);
