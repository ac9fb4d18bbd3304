-- Issue 12: the last browser readiness check a unit ran (camera, microphone, measured download speed, whether the
-- meeting server answered), one row per site, so operators see before a meeting which units are ready.
CREATE TABLE browser_readiness (
    site_code      citext      PRIMARY KEY REFERENCES site (code) ON DELETE CASCADE ON UPDATE CASCADE,
    checked_at     timestamptz NOT NULL,
    checked_by     text        NOT NULL,
    camera         boolean     NOT NULL,
    microphone     boolean     NOT NULL,
    download_kbps  integer     CHECK (download_kbps BETWEEN 0 AND 10000000),
    meet_reachable boolean,
    verdict        text        NOT NULL CHECK (verdict IN ('OK', 'WARN', 'BAD', 'UNKNOWN')),
    user_agent     text        CHECK (length(user_agent) <= 400)
);
