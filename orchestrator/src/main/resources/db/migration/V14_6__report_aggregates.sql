-- Report aggregates (DESIGN.md §7): one row per (meeting, invited site) written when the meeting's record is
-- sealed, and per (site, month) rolled up from them, so a 12-month unit report reads ~12 rows per site and never
-- raw attendance or telemetry.
CREATE TABLE report_meeting_site (
    meeting_id      bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    site_code       citext      NOT NULL,
    -- First day of the meeting's month in Asia/Ho_Chi_Minh: the month a secretariat would file it under.
    month           date        NOT NULL,
    attended        boolean     NOT NULL,
    late            boolean     NOT NULL,
    present_seconds integer     NOT NULL CHECK (present_seconds >= 0),
    dialled         boolean     NOT NULL,
    dial_failed     boolean     NOT NULL,
    -- NULL when the collector had no telemetry for the site (not measured is not "good").
    mos_mean        double precision,
    quality_minutes integer     NOT NULL DEFAULT 0,
    poor_minutes    integer     NOT NULL DEFAULT 0,
    poor_quality    boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (meeting_id, site_code)
);
CREATE INDEX report_meeting_site_site_month_idx ON report_meeting_site (site_code, month);

CREATE TABLE report_site_month (
    site_code       citext      NOT NULL,
    month           date        NOT NULL,
    meetings        integer     NOT NULL,
    attended        integer     NOT NULL,
    late            integer     NOT NULL,
    present_seconds bigint      NOT NULL,
    dialled         integer     NOT NULL,
    dial_failed     integer     NOT NULL,
    -- Meetings with telemetry, the sum of their mean MOS (average = mos_sum / measured) and how many were poor.
    measured        integer     NOT NULL,
    mos_sum         double precision NOT NULL,
    poor_quality    integer     NOT NULL,
    PRIMARY KEY (site_code, month)
);
CREATE INDEX report_site_month_month_idx ON report_site_month (month);
