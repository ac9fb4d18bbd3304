-- HoiNghi schema, part 1: the unit directory, users and the hash-chained audit log.
-- Everything lives in schema hoinghi; times are timestamptz (UTC), shown in Asia/Ho_Chi_Minh by clients.

CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A site is one organisational unit that joins meetings (HQ, a department, a provincial department of justice,
-- a THADS office, a commune). Codes are stable, human-readable keys (STP-HNI, THADS-HNI-KV01) used in imports,
-- JWTs and telemetry, so they are the primary key rather than a surrogate id.
CREATE TABLE site (
    code           citext PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{1,47}$'),
    name_vi        text        NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    kind           text        NOT NULL CHECK (kind IN ('HQ', 'DEPARTMENT', 'PROVINCE_JUSTICE', 'PROVINCE_THADS',
                                                        'REGIONAL_THADS', 'COMMUNE')),
    region         text        NOT NULL CHECK (region IN ('NORTH', 'CENTRAL', 'SOUTH')),
    parent_code    citext      REFERENCES site (code) DEFERRABLE INITIALLY DEFERRED,
    downlink_kbps  integer     NOT NULL CHECK (downlink_kbps BETWEEN 64 AND 10000000),
    uplink_kbps    integer     NOT NULL CHECK (uplink_kbps BETWEEN 64 AND 10000000),
    network        text        NOT NULL CHECK (network IN ('GOV_WAN', 'INTERNET')),
    contact_name   text,
    contact_phone  text,
    contact_email  text,
    -- Lower-case, diacritics stripped (đ → d) by the application, so "dak lak" finds "Đắk Lắk".
    search_text    text        NOT NULL,
    version        integer     NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX site_parent_idx ON site (parent_code);
CREATE INDEX site_region_kind_idx ON site (region, kind);
CREATE INDEX site_search_trgm_idx ON site USING gin (search_text gin_trgm_ops);

-- A meeting-room system (hardware codec) the bridge dials: SIP URI or H.323 alias.
CREATE TABLE room_system (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_code       citext  NOT NULL REFERENCES site (code) ON DELETE CASCADE,
    name            text    NOT NULL,
    protocol        text    NOT NULL CHECK (protocol IN ('SIP', 'H323')),
    address         citext  NOT NULL UNIQUE,
    max_resolution  integer NOT NULL CHECK (max_resolution IN (180, 360, 720, 1080))
);
CREATE INDEX room_system_site_idx ON room_system (site_code);

CREATE TABLE app_user (
    username       citext PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name   text   NOT NULL,
    password_hash  text   NOT NULL,
    role           text   NOT NULL CHECK (role IN ('ADMIN', 'SECRETARIAT', 'UNIT_OPERATOR', 'OPERATOR', 'OBSERVER')),
    -- A unit operator acts on this site and its subtree only.
    site_code      citext REFERENCES site (code),
    enabled        boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    CHECK ((role = 'UNIT_OPERATOR') = (site_code IS NOT NULL))
);

-- Append-only audit log. Each row carries the SHA-256 of the previous row's hash and its own content, so an edited
-- or deleted row breaks the chain. The JSON is stored as text, byte for byte as it was hashed (jsonb would
-- reformat it and the hash could no longer be recomputed).
CREATE TABLE audit_log (
    id          bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    entity      text        NOT NULL,
    entity_id   text        NOT NULL,
    before_json text,
    after_json  text,
    prev_hash   text        NOT NULL,
    hash        text        NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- The application never updates or deletes audit rows; the trigger makes that a database rule too. Someone with
-- superuser rights can still switch it off, and that is what the hash chain detects.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
