-- HoiNghi schema, part 2: meetings booked ahead, their invitations, room-system holds, the per-region capacity
-- ledger, lifecycle transitions, the outbox for notifications and idempotency keys.

-- One row per region: booking transactions lock the rows of the regions a meeting touches (in name order, so two
-- bookers never deadlock) before they read the overlapping reservations and add their own. A row lock rather
-- than SERIALIZABLE: admission reads a range of reservations, and under SERIALIZABLE every overlapping booking
-- would abort and retry; with the lock they simply queue for a few milliseconds.
CREATE TABLE region_ledger (
    region  text PRIMARY KEY CHECK (region IN ('NORTH', 'CENTRAL', 'SOUTH')),
    version bigint NOT NULL DEFAULT 0
);
INSERT INTO region_ledger (region) VALUES ('NORTH'), ('CENTRAL'), ('SOUTH');

-- A recurring booking: the RRULE as written, and the occurrences it expanded to (one meeting row each).
CREATE TABLE meeting_series (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rrule       text        NOT NULL,
    exdates     text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE meeting (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    agenda      text        CHECK (length(agenda) <= 20000),
    host_site   citext      NOT NULL REFERENCES site (code),
    -- citext has no GiST operator class; the exclusion constraint compares this canonical copy instead.
    host_key    text        GENERATED ALWAYS AS (upper(host_site::text)) STORED,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    during      tstzrange   GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    status      text        NOT NULL CHECK (status IN ('DRAFT', 'BOOKED', 'PREPARING', 'READY', 'LIVE', 'ENDED',
                                                       'FAILED', 'CANCELLED')),
    series_id   bigint      REFERENCES meeting_series (id),
    version     integer     NOT NULL DEFAULT 1,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    -- The database, not only the code, keeps a host from chairing two meetings at once.
    CONSTRAINT meeting_host_no_overlap EXCLUDE USING gist (host_key WITH =, during WITH &&)
        WHERE (status IN ('BOOKED', 'PREPARING', 'READY', 'LIVE'))
);
CREATE INDEX meeting_during_idx ON meeting USING gist (during);
CREATE INDEX meeting_series_idx ON meeting (series_id);
CREATE INDEX meeting_status_idx ON meeting (status, starts_at);

CREATE TABLE meeting_invite (
    meeting_id     bigint  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    site_code      citext  NOT NULL REFERENCES site (code),
    participation  text    NOT NULL CHECK (participation IN ('INTERACTIVE', 'VIEWER')),
    way_in         text    NOT NULL CHECK (way_in IN ('BROWSER', 'ROOM_SYSTEM', 'AUDIO')),
    room_system_id bigint  REFERENCES room_system (id),
    region         text    NOT NULL,
    PRIMARY KEY (meeting_id, site_code),
    CHECK ((way_in = 'ROOM_SYSTEM') = (room_system_id IS NOT NULL))
);
CREATE INDEX meeting_invite_site_idx ON meeting_invite (site_code);

-- A room system is in at most one live booking at any instant: a database rule (exclusion constraint).
CREATE TABLE room_hold (
    meeting_id     bigint    NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    room_system_id bigint    NOT NULL REFERENCES room_system (id),
    during         tstzrange NOT NULL,
    active         boolean   NOT NULL DEFAULT true,
    PRIMARY KEY (meeting_id, room_system_id),
    CONSTRAINT room_hold_no_overlap EXCLUDE USING gist (room_system_id WITH =, during WITH &&) WHERE (active)
);

-- What a meeting reserves in one region over [start - prepare, end + grace].
CREATE TABLE capacity_reservation (
    meeting_id      bigint    NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    region          text      NOT NULL REFERENCES region_ledger (region),
    window_range    tstzrange NOT NULL,
    bridge_pps      bigint    NOT NULL CHECK (bridge_pps >= 0),
    visitor_slots   bigint    NOT NULL CHECK (visitor_slots >= 0),
    video_gateways  bigint    NOT NULL CHECK (video_gateways >= 0),
    audio_calls     bigint    NOT NULL CHECK (audio_calls >= 0),
    explanation     text      NOT NULL,
    PRIMARY KEY (meeting_id, region)
);
CREATE INDEX capacity_reservation_window_idx ON capacity_reservation USING gist (region, window_range);

-- Every lifecycle step, restart-safe: the state machine's history.
CREATE TABLE meeting_transition (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    from_status text,
    to_status   text        NOT NULL,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    reason      text
);
CREATE INDEX meeting_transition_meeting_idx ON meeting_transition (meeting_id);

-- Changes to tell people about (e-mail/SMS later); written in the same transaction as the change.
CREATE TABLE outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic       text        NOT NULL,
    meeting_id  bigint,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL;

-- A POST repeated with the same Idempotency-Key returns the first answer instead of booking twice.
CREATE TABLE idempotency_key (
    actor         text        NOT NULL,
    key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    response      text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (actor, key)
);
