-- Operator lifecycle of media nodes (cordon, drain, disable), kept across restarts and shared by every
-- orchestrator on this database. One row per node id (a Jibri that sits in two breweries has one state); no row
-- means ENABLED. LOST is observed from presence, never stored here. Each change is also an audit entry.
CREATE TABLE fleet_node_state (
    node_id     text        PRIMARY KEY,
    status      text        NOT NULL CHECK (status IN ('ENABLED', 'CORDONED', 'DRAINING', 'DISABLED')),
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL
);
