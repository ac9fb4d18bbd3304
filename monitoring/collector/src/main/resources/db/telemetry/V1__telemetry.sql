-- HoiNghi telemetry (collector). Samples are partitioned by day so retention is a cheap DROP of old partitions;
-- a DEFAULT partition catches rows outside the prepared days so a write never fails for want of a partition.

CREATE TABLE telemetry.quality_sample (
  at               timestamptz      NOT NULL,
  window_seconds   double precision NOT NULL,
  meeting          text             NOT NULL,
  endpoint_id      text             NOT NULL,
  stats_session_id text             NOT NULL,
  site_code        text             NOT NULL,
  region           text             NOT NULL,
  send_kbps        double precision NOT NULL,
  recv_kbps        double precision NOT NULL,
  recv_loss_pct    double precision NOT NULL,
  send_loss_pct    double precision NOT NULL,
  jitter_ms        double precision NOT NULL,
  rtt_ms           double precision NOT NULL,
  sent_height      integer          NOT NULL,
  recv_height      integer          NOT NULL,
  fps              double precision NOT NULL,
  mos              double precision NOT NULL,
  grade            text             NOT NULL CHECK (grade IN ('good', 'fair', 'poor', 'bad')),
  jitsi_score      integer          NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE telemetry.quality_sample_default PARTITION OF telemetry.quality_sample DEFAULT;
CREATE INDEX quality_sample_meeting_at ON telemetry.quality_sample (meeting, at);
CREATE INDEX quality_sample_site_at ON telemetry.quality_sample (site_code, at);

CREATE TABLE telemetry.bridge_sample (
  at                     timestamptz      NOT NULL,
  bridge                 text             NOT NULL,
  region                 text             NOT NULL,
  status                 text             NOT NULL CHECK (status IN ('UP', 'DEGRADED', 'LOST')),
  stress_level           double precision NOT NULL,
  conferences            integer          NOT NULL,
  participants           integer          NOT NULL,
  bit_rate_download_kbps double precision NOT NULL,
  bit_rate_upload_kbps   double precision NOT NULL,
  packet_rate_download   double precision NOT NULL,
  packet_rate_upload     double precision NOT NULL,
  rtt_aggregate_ms       double precision NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE telemetry.bridge_sample_default PARTITION OF telemetry.bridge_sample DEFAULT;
CREATE INDEX bridge_sample_bridge_at ON telemetry.bridge_sample (bridge, at);

-- Alerts are few: one row when a site's MOS has been poor for the alert time, one when it recovers.
CREATE TABLE telemetry.site_alert (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz      NOT NULL,
  meeting   text             NOT NULL,
  site_code text             NOT NULL,
  region    text             NOT NULL,
  raised    boolean          NOT NULL,
  mos       double precision NOT NULL
);
CREATE INDEX site_alert_meeting_at ON telemetry.site_alert (meeting, at);

-- Creates the daily partitions of both sample tables from today (UTC) to today + days_ahead; idempotent.
CREATE FUNCTION telemetry.ensure_partitions(days_ahead integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  parent text;
  day date;
  created integer := 0;
  name text;
BEGIN
  FOREACH parent IN ARRAY ARRAY['quality_sample', 'bridge_sample'] LOOP
    FOR i IN 0..days_ahead LOOP
      day := (now() AT TIME ZONE 'UTC')::date + i;
      name := parent || '_' || to_char(day, 'YYYYMMDD');
      IF to_regclass('telemetry.' || name) IS NULL THEN
        BEGIN
          EXECUTE format('CREATE TABLE telemetry.%I PARTITION OF telemetry.%I FOR VALUES FROM (%L) TO (%L)',
                         name, parent, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
          created := created + 1;
        EXCEPTION WHEN check_violation THEN
          -- rows of that day already sit in the DEFAULT partition (written before this ran): leave the day there,
          -- it is still queried through the parent and cleaned by retention; the other days go on
          RAISE NOTICE 'telemetry.%: day % stays in the default partition', parent, day;
        END;
      END IF;
    END LOOP;
  END LOOP;
  RETURN created;
END $$;

-- Retention: drops daily partitions older than today - keep_days and deletes older rows from the default
-- partitions and the alerts; returns how many partitions were dropped.
CREATE FUNCTION telemetry.drop_partitions_older_than(keep_days integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  part record;
  dropped integer := 0;
  cutoff date := (now() AT TIME ZONE 'UTC')::date - keep_days;
BEGIN
  FOR part IN
    SELECT c.relname FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_class p ON p.oid = i.inhparent
      JOIN pg_namespace n ON n.oid = p.relnamespace
     WHERE n.nspname = 'telemetry' AND p.relname IN ('quality_sample', 'bridge_sample')
       AND c.relname ~ '_[0-9]{8}$'
  LOOP
    IF to_date(right(part.relname, 8), 'YYYYMMDD') < cutoff THEN
      EXECUTE format('DROP TABLE telemetry.%I', part.relname);
      dropped := dropped + 1;
    END IF;
  END LOOP;
  DELETE FROM telemetry.quality_sample_default WHERE at < cutoff::timestamp AT TIME ZONE 'UTC';
  DELETE FROM telemetry.bridge_sample_default WHERE at < cutoff::timestamp AT TIME ZONE 'UTC';
  DELETE FROM telemetry.site_alert WHERE at < cutoff::timestamp AT TIME ZONE 'UTC';
  RETURN dropped;
END $$;
