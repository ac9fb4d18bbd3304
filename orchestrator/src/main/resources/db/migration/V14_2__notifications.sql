-- Issue 14: notifications that reach people. The booking outbox is the only source (DESIGN §7): each outbox row
-- the sender takes, and each reminder that falls due, becomes one `notification`, expanded in the same
-- transaction into one `notification_delivery` per (notification, channel, recipient). The unique key makes the
-- expansion idempotent; a delivery is written before its message is sent and marked after, and is claimed under
-- a lease like provisioning jobs, so a crash repeats at most the one message that was in flight.
CREATE TABLE notification (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- 'outbox:<outbox id>' or 'REMINDER_DAY:<meeting id>:<start, epoch seconds>': a moved meeting is reminded again.
    event_key   text        NOT NULL UNIQUE,
    meeting_id  bigint      NOT NULL REFERENCES meeting (id),
    kind        text        NOT NULL CHECK (kind IN ('INVITATION', 'CHANGE', 'CANCELLATION', 'REMINDER_DAY',
                                                     'REMINDER_SOON')),
    -- The meeting's start the notification speaks of; a reminder whose meeting moved since is skipped.
    starts_at   timestamptz NOT NULL,
    -- Free text carried from the event (the reason of a cancellation).
    detail      text,
    created_at  timestamptz NOT NULL
);
CREATE INDEX notification_meeting_idx ON notification (meeting_id);

CREATE TABLE notification_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id  bigint      NOT NULL REFERENCES notification (id),
    channel          text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    -- The e-mail address (lower case) or phone number the message goes to.
    recipient        text        NOT NULL,
    site_code        citext      NOT NULL,
    contact_name     text,
    contact_role     text,
    status           text        NOT NULL DEFAULT 'PENDING'
                                 CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    leased_by        text,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (notification_id, channel, recipient)
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at)
    WHERE status IN ('PENDING', 'SENDING');
