package vn.hoinghi.orchestrator.sites;

import java.util.List;
import java.util.Set;

/**
 * Fields an import file may leave out: a CSV without the column, a JSON element without the key. A left-out field
 * keeps the site's current value; an empty cell or a JSON {@code null} clears it. Without this, a file with no
 * room-systems column would drop the room systems of every site it touches.
 */
final class KeptFields {
    static final String PARENT = "parentCode";
    static final String CONTACT_NAME = "contact.name";
    static final String CONTACT_PHONE = "contact.phone";
    static final String CONTACT_EMAIL = "contact.email";
    static final String ROOM_SYSTEMS = "roomSystems";
    static final List<String> ALL = List.of(PARENT, CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL, ROOM_SYSTEMS);

    private KeptFields() {
    }

    /** {@code in} with every absent field taken from {@code current} (a new site has nothing to keep). */
    static SiteInput fill(SiteInput in, Set<String> absent, Site current) {
        if (current == null || absent.isEmpty()) {
            return in;
        }
        Site.Contact given = in.contact() == null ? Site.Contact.NONE : in.contact();
        Site.Contact old = current.contact();
        Site.Contact contact = new Site.Contact(
                absent.contains(CONTACT_NAME) ? old.name() : given.name(),
                absent.contains(CONTACT_PHONE) ? old.phone() : given.phone(),
                absent.contains(CONTACT_EMAIL) ? old.email() : given.email());
        return new SiteInput(in.code(), in.nameVi(), in.kind(), in.region(),
                absent.contains(PARENT) ? current.parentCode() : in.parentCode(), in.network(), contact,
                absent.contains(ROOM_SYSTEMS) ? SiteInput.of(current).roomSystems() : in.roomSystems());
    }
}
