-- The sealed meeting record (DESIGN.md §7): what happened in a meeting, as RFC 8785 canonical JSON, its SHA-256,
-- a detached CMS signature over exactly those bytes, and the hash of the record sealed before it (one chain for
-- the whole orchestrator, so a deleted or reordered record breaks the next one's link).
CREATE TABLE meeting_record (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- No foreign key: a record is evidence and outlives whatever happens to the meeting row.
    meeting_id    bigint      NOT NULL,
    -- A correction names the record it replaces; the replaced one stays, unchanged.
    supersedes_id bigint,
    sealed_at     timestamptz NOT NULL,
    -- The canonical JSON exactly as hashed and signed (UTF-8).
    content       text        NOT NULL,
    sha256        text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- Also inside content (so it is signed); here to find the chain's links without parsing.
    previous_hash text        NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    -- Detached CMS SignedData (DER) and the signer's certificate (PEM) at sealing time.
    signature     bytea       NOT NULL,
    certificate   text        NOT NULL
);
-- A meeting is sealed once; every later record of it is a correction.
CREATE UNIQUE INDEX meeting_record_first_idx ON meeting_record (meeting_id) WHERE supersedes_id IS NULL;
-- The chain is a line: two records can never claim the same predecessor (two sealers racing are serialised by an
-- advisory lock; this is the database's own guard).
CREATE UNIQUE INDEX meeting_record_previous_idx ON meeting_record (previous_hash);
CREATE INDEX meeting_record_meeting_idx ON meeting_record (meeting_id, id);
CREATE INDEX meeting_record_sealed_idx ON meeting_record (sealed_at);

-- Records are never updated. Deleting is allowed only to the retention purge, which sets hoinghi.record_purge in
-- its own transaction; anyone else (including a cascade) is refused. A superuser can still disable the trigger:
-- the hash, the signature and the chain are what catch that.
CREATE FUNCTION meeting_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('hoinghi.record_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'meeting_record is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER meeting_record_no_update BEFORE UPDATE OR DELETE ON meeting_record
    FOR EACH ROW EXECUTE FUNCTION meeting_record_append_only();
