-- Issue 14: a site's contacts become a list (name, role, phone, e-mail), so an invitation reaches the office, the
-- technician and the leader of a unit, not one address.
--
-- The single contact columns of `site` stay: they are the primary contact (position 0), which the site API, the
-- directory import and export still read and write. A trigger mirrors them into position 0 of the list, so the
-- site code paths need no change and nothing a client sends there is lost; the contacts API writes the list and
-- copies its position 0 back into the columns.
CREATE TABLE site_contact (
    site_code  citext  NOT NULL REFERENCES site (code) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position BETWEEN 0 AND 49),
    name       text    CHECK (length(name) <= 200),
    role       text    CHECK (length(role) <= 100),
    phone      text    CHECK (length(phone) <= 30),
    email      text    CHECK (length(email) <= 254),
    PRIMARY KEY (site_code, position),
    CHECK (coalesce(name, phone, email) IS NOT NULL)
);

-- Every existing contact moves into the list unchanged.
INSERT INTO site_contact (site_code, position, name, role, phone, email)
SELECT code, 0, contact_name, 'Đầu mối liên hệ', contact_phone, contact_email
FROM site
WHERE coalesce(contact_name, contact_phone, contact_email) IS NOT NULL;

-- SET search_path FROM CURRENT: the function finds site_contact in the schema Flyway created it in, whatever the
-- search path of the session that fires the trigger.
CREATE FUNCTION site_primary_contact_mirror() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF coalesce(NEW.contact_name, NEW.contact_phone, NEW.contact_email) IS NULL THEN
        DELETE FROM site_contact WHERE site_code = NEW.code AND position = 0;
    ELSE
        INSERT INTO site_contact AS c (site_code, position, name, role, phone, email)
        VALUES (NEW.code, 0, NEW.contact_name, 'Đầu mối liên hệ', NEW.contact_phone, NEW.contact_email)
        ON CONFLICT (site_code, position) DO UPDATE
            SET name = EXCLUDED.name, phone = EXCLUDED.phone, email = EXCLUDED.email
            WHERE (c.name, c.phone, c.email) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.phone, EXCLUDED.email);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER site_primary_contact
    AFTER INSERT OR UPDATE OF contact_name, contact_phone, contact_email ON site
    FOR EACH ROW EXECUTE FUNCTION site_primary_contact_mirror();
