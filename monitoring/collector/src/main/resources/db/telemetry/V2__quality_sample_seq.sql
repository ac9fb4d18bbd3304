-- The rtcstats sequence number of the entry that closed each window. A collector restarted after a crash has
-- lost its in-memory sessions; when a client reconnects it answers sn with the highest stored seq of that
-- session, so the client replays only entries after the last stored window: no window is stored twice.
ALTER TABLE telemetry.quality_sample ADD COLUMN seq bigint;
CREATE INDEX quality_sample_session_at ON telemetry.quality_sample (stats_session_id, at);
