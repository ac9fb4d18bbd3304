-- HoiNghi schema, part 4: the restart-safe job runner, dial attempts, join links and the roll-call.

-- Timed work. Claimed with SELECT … FOR UPDATE SKIP LOCKED and leased: a crashed runner's lease runs out and
-- another instance (or the restarted one) takes the job over. dedupe_key makes scheduling idempotent.
CREATE TABLE job (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('PREPARE', 'START', 'DIAL', 'END', 'TEST_DIAL')),
    meeting_id    bigint      REFERENCES meeting (id) ON DELETE CASCADE,
    site_code     citext      REFERENCES site (code) ON DELETE CASCADE,
    dedupe_key    text        NOT NULL UNIQUE,
    -- When the calendar says the job is due; run_at moves with retries, planned_at only when the meeting moves.
    planned_at    timestamptz NOT NULL,
    run_at        timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts      integer     NOT NULL DEFAULT 0,
    lease_until   timestamptz,
    leased_by     text,
    last_error    text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX job_due_idx ON job (run_at) WHERE status IN ('PENDING', 'RUNNING');
CREATE INDEX job_meeting_idx ON job (meeting_id);

-- Every dial attempt, written and committed BEFORE the dial (an intent log): after a crash an attempt without
-- an outcome means "may have rung", and is never blindly repeated (see DialPolicy).
CREATE TABLE dial_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id       bigint      NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    meeting_id   bigint      REFERENCES meeting (id) ON DELETE CASCADE,
    site_code    citext      NOT NULL,
    method       text        NOT NULL CHECK (method IN ('VIDEO', 'AUDIO', 'PHONE')),
    target       text        NOT NULL,
    attempt_no   integer     NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    outcome      text        CHECK (outcome IN ('CONNECTED', 'FAILED', 'UNKNOWN', 'HUNG_UP')),
    call_id      text,
    error        text,
    UNIQUE (job_id, attempt_no)
);
CREATE INDEX dial_attempt_meeting_idx ON dial_attempt (meeting_id);

-- Operator alerts raised by provisioning (room not ready, a site unreachable after every fallback).
CREATE TABLE operator_alert (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  bigint      REFERENCES meeting (id) ON DELETE CASCADE,
    site_code   citext,
    severity    text        NOT NULL CHECK (severity IN ('WARNING', 'CRITICAL')),
    message     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    acknowledged_at timestamptz
);

-- A stable HoiNghi join link per invited site: /j/{token}. Revoking sets revoked_at; rotating issues a new row.
CREATE TABLE join_link (
    token       text        PRIMARY KEY CHECK (length(token) >= 32),
    meeting_id  bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    site_code   citext      NOT NULL REFERENCES site (code) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX join_link_active_idx ON join_link (meeting_id, site_code) WHERE revoked_at IS NULL;

-- Roll-call: who joined and left, and the (meeting, endpoint id) → site map the telemetry collector needs.
CREATE TABLE attendance_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id   bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    endpoint_id  text        NOT NULL,
    site_code    citext,
    display_name text,
    kind         text        NOT NULL CHECK (kind IN ('JOINED', 'LEFT')),
    at           timestamptz NOT NULL
);
CREATE INDEX attendance_event_meeting_idx ON attendance_event (meeting_id, at);

-- Result of the last readiness check (a test dial) of each room system.
CREATE TABLE readiness_check (
    room_system_id bigint      PRIMARY KEY REFERENCES room_system (id) ON DELETE CASCADE,
    checked_at     timestamptz NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('OK', 'FAILED')),
    detail         text
);
