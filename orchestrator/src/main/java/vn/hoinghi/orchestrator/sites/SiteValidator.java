package vn.hoinghi.orchestrator.sites;

import vn.hoinghi.orchestrator.platform.errors.Text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one site on its own (formats, enums, ranges) and turns it into a {@link Site}. Checks that need the rest
 * of the directory (parent exists, no cycle, address unique) are {@link DirectoryRules}'.
 */
public final class SiteValidator {
    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{1,47}$");
    // RFC 3261 in practice: sip(s):user@host[:port][;params]; the scheme is case-insensitive (§19.1.4).
    static final Pattern SIP_URI = Pattern.compile(
            "^(?i:sips?):[A-Za-z0-9._~+!$&'()*,;=%-]+@[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\\d{1,5})?(;[^\\s]*)?$");
    // H.323 aliases: an E.164 number, name@host, or an h323: URI (H.323 Annex O).
    static final Pattern H323_ALIAS = Pattern.compile(
            "^(\\+?\\d{2,20}|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+|h323:[A-Za-z0-9._@:-]+)$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern PHONE = Pattern.compile("^[0-9 +().-]{3,30}$");
    private static final Set<Integer> RESOLUTIONS = Set.of(180, 360, 720, 1080);
    private static final int MIN_KBPS = 64;
    private static final int MAX_KBPS = 10_000_000;

    private SiteValidator() {
    }

    public record Result(Site site, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    public static Result validate(SiteInput in, int version) {
        List<Violation> v = new ArrayList<>();
        String code = trim(in.code());
        if (code == null) {
            v.add(Violation.of("code", "required", SiteErrors.REQUIRED));
        } else if (!CODE.matcher(code).matches()) {
            v.add(Violation.of("code", "bad-code", SiteErrors.BAD_CODE));
        }
        String name = trim(in.nameVi());
        if (name == null) {
            v.add(Violation.of("nameVi", "required", SiteErrors.REQUIRED));
        } else if (name.length() > 200) {
            v.add(Violation.of("nameVi", "too-long", SiteErrors.TOO_LONG));
        }
        SiteKind kind = parse(SiteKind.class, in.kind(), "kind", "unknown-kind", SiteErrors.UNKNOWN_KIND, v);
        Region region = parse(Region.class, in.region(), "region", "unknown-region", SiteErrors.UNKNOWN_REGION, v);
        String parent = trim(in.parentCode());
        if (parent != null && code != null && parent.equalsIgnoreCase(code)) {
            v.add(Violation.of("parentCode", "self-parent", SiteErrors.SELF_PARENT));
        }
        Site.NetworkProfile network = network(in.network(), v);
        Site.Contact contact = contact(in.contact(), v);
        List<Site.RoomSystem> rooms = roomSystems(in.roomSystems(), v);
        if (!v.isEmpty()) {
            return new Result(null, v);
        }
        return new Result(new Site(code, name, kind, region, parent, network, contact, rooms, version), v);
    }

    private static Site.NetworkProfile network(SiteInput.Network n, List<Violation> v) {
        if (n == null) {
            v.add(Violation.of("network", "required", SiteErrors.REQUIRED));
            return null;
        }
        int down = kbps(n.downlinkKbps(), "network.downlinkKbps", v);
        int up = kbps(n.uplinkKbps(), "network.uplinkKbps", v);
        NetworkKind kind = parse(NetworkKind.class, n.kind(), "network.kind", "unknown-network",
                SiteErrors.UNKNOWN_NETWORK, v);
        return new Site.NetworkProfile(down, up, kind);
    }

    private static int kbps(Integer value, String field, List<Violation> v) {
        if (value == null) {
            v.add(Violation.of(field, "required", SiteErrors.REQUIRED));
            return 0;
        }
        if (value < MIN_KBPS || value > MAX_KBPS) {
            v.add(Violation.of(field, "out-of-range", SiteErrors.BAD_KBPS));
        }
        return value;
    }

    private static Site.Contact contact(Site.Contact c, List<Violation> v) {
        if (c == null) {
            return Site.Contact.NONE;
        }
        String email = trim(c.email());
        String phone = trim(c.phone());
        if (email != null && !EMAIL.matcher(email).matches()) {
            v.add(Violation.of("contact.email", "bad-email", SiteErrors.BAD_EMAIL));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            v.add(Violation.of("contact.phone", "bad-phone", SiteErrors.BAD_PHONE));
        }
        return new Site.Contact(trim(c.name()), phone, email);
    }

    private static List<Site.RoomSystem> roomSystems(List<SiteInput.RoomSystemInput> list, List<Violation> v) {
        if (list == null) {
            return List.of();
        }
        List<Site.RoomSystem> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            SiteInput.RoomSystemInput r = list.get(i);
            String at = "roomSystems[" + i + "]";
            RoomProtocol protocol = parse(RoomProtocol.class, r.protocol(), at + ".protocol", "unknown-protocol",
                    SiteErrors.UNKNOWN_PROTOCOL, v);
            String address = trim(r.address());
            if (address == null) {
                v.add(Violation.of(at + ".address", "required", SiteErrors.REQUIRED));
            } else if (protocol == RoomProtocol.SIP && !SIP_URI.matcher(address).matches()) {
                v.add(Violation.of(at + ".address", "bad-sip-uri", SiteErrors.BAD_SIP_URI));
            } else if (protocol == RoomProtocol.H323 && !H323_ALIAS.matcher(address).matches()) {
                v.add(Violation.of(at + ".address", "bad-h323-alias", SiteErrors.BAD_H323_ALIAS));
            }
            Integer res = r.maxResolution() == null ? Integer.valueOf(720) : r.maxResolution();
            if (!RESOLUTIONS.contains(res)) {
                v.add(Violation.of(at + ".maxResolution", "bad-resolution", SiteErrors.BAD_RESOLUTION));
            }
            String name = trim(r.name());
            out.add(new Site.RoomSystem(name == null ? "Phòng họp " + (i + 1) : name, protocol, address, res));
        }
        return List.copyOf(out);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String reason,
                                               Text text, List<Violation> v) {
        String s = trim(raw);
        if (s == null) {
            v.add(Violation.of(field, "required", SiteErrors.REQUIRED));
            return null;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(Violation.of(field, reason, text));
            return null;
        }
    }

    /**
     * Every text field passes here: stripped, empty as absent, and in Unicode NFC, so that a name saved
     * decomposed (NFD, as some Windows and macOS tools do) is stored and compared as the same name.
     */
    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }
}
