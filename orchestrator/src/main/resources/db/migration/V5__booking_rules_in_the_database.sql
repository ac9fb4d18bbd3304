-- Booking rules the database enforces itself, so that no code path (a script, a future endpoint) can break them.

-- A hard ceiling on a meeting's length; the application's own limit (hoinghi.booking.max-duration, 12 h) is lower.
ALTER TABLE meeting ADD CONSTRAINT meeting_max_duration CHECK (ends_at - starts_at <= interval '24 hours');

-- No meeting may be booked, or moved, into the past. A trigger, because a CHECK cannot use now().
CREATE FUNCTION meeting_not_in_the_past() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.starts_at < now() - interval '1 minute'
       AND (TG_OP = 'INSERT' OR NEW.starts_at IS DISTINCT FROM OLD.starts_at) THEN
        RAISE EXCEPTION 'meeting % would start in the past (%)', NEW.id, NEW.starts_at
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER meeting_not_in_the_past BEFORE INSERT OR UPDATE OF starts_at ON meeting
    FOR EACH ROW EXECUTE FUNCTION meeting_not_in_the_past();
