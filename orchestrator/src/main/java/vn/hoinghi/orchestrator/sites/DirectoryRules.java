package vn.hoinghi.orchestrator.sites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rules that need the whole directory: codes unique within a batch, every parent known, no parent cycle, and a
 * room-system address owned by one site only. The batch is checked as if it were already applied on top of the
 * current directory, so an import may bring a parent and its children in any order.
 *
 * <p>Each line is judged on its own content only: a line that also fails other checks still takes part (so its
 * repeated code is reported), and a repeated code does not lend its parent to the line that repeats it.
 */
public final class DirectoryRules {
    private DirectoryRules() {
    }

    /** The parts of the current directory these rules need; keys are upper-cased codes / lower-cased addresses. */
    public record Snapshot(Map<String, String> parentOf, Map<String, String> addressOwner) {
    }

    /** What these rules read of one line (0 for an API call): its code, parent and room-system addresses. */
    public record Entry(int line, String code, String parentCode, List<String> addresses) {
        public Entry(int line, Site site) {
            this(line, site.code(), site.parentCode(),
                    site.roomSystems().stream().map(Site.RoomSystem::address).toList());
        }

        /** From input that may be invalid otherwise; a line without a well-formed code takes no part. */
        static Entry of(int line, SiteInput in) {
            String code = SiteValidator.trim(in.code());
            List<String> addresses = in.roomSystems() == null ? List.of() : in.roomSystems().stream()
                    .filter(Objects::nonNull).map(r -> SiteValidator.trim(r.address())).filter(Objects::nonNull)
                    .toList();
            boolean wellFormed = code != null && SiteValidator.CODE.matcher(code).matches();
            return new Entry(line, wellFormed ? code : null, SiteValidator.trim(in.parentCode()), addresses);
        }
    }

    public static List<Violation> check(List<Entry> batch, Snapshot current) {
        List<Violation> out = new ArrayList<>();
        List<Entry> coded = batch.stream().filter(e -> e.code() != null).toList();
        Map<String, String> parentOf = new HashMap<>(current.parentOf());
        Map<String, String> addressOwner = new HashMap<>(current.addressOwner());
        Set<String> batchCodes = new HashSet<>();
        Set<Entry> repeats = new HashSet<>();
        for (Entry e : coded) {
            String code = key(e.code());
            if (batchCodes.add(code)) {
                parentOf.put(code, e.parentCode() == null ? null : key(e.parentCode()));
            } else {
                repeats.add(e);
            }
        }
        // Addresses of re-imported sites are re-listed by their lines, so they no longer block anyone.
        addressOwner.values().removeIf(batchCodes::contains);
        Map<String, String> batchAddresses = new HashMap<>();
        for (Entry e : coded) {
            String code = key(e.code());
            if (repeats.contains(e)) {
                out.add(at(e, Violation.of("code", "duplicate-code", SiteErrors.DUPLICATE_CODE)));
            }
            String parent = e.parentCode() == null ? null : key(e.parentCode());
            // A site naming itself as parent is SiteValidator's "self-parent", not reported twice.
            if (parent != null && !parent.equals(code)) {
                if (!parentOf.containsKey(parent)) {
                    out.add(at(e, Violation.of("parentCode", "unknown-parent", SiteErrors.UNKNOWN_PARENT)));
                } else if (leadsBackTo(code, parent, parentOf)) {
                    out.add(at(e, Violation.of("parentCode", "cycle", SiteErrors.CYCLE)));
                }
            }
            List<String> addresses = e.addresses();
            for (int i = 0; i < addresses.size(); i++) {
                String address = addresses.get(i).toLowerCase(Locale.ROOT);
                // Owned outside the batch, or already claimed earlier in the batch (even by this same site).
                boolean ownedElsewhere = addressOwner.containsKey(address);
                boolean claimedInBatch = batchAddresses.putIfAbsent(address, code) != null;
                if (ownedElsewhere || claimedInBatch) {
                    out.add(at(e, Violation.of("roomSystems[" + i + "].address", "duplicate-address",
                            SiteErrors.DUPLICATE_ADDRESS)));
                }
            }
        }
        return out;
    }

    /**
     * Walks up from {@code parent}: the line is in a cycle only if the walk comes back to its own code. A line
     * whose ancestors loop among themselves is not blamed; the lines on the loop are.
     */
    private static boolean leadsBackTo(String code, String parent, Map<String, String> parentOf) {
        Set<String> seen = new HashSet<>();
        for (String at = parent; at != null; at = parentOf.get(at)) {
            if (at.equals(code)) {
                return true;
            }
            if (!seen.add(at)) {
                return false;
            }
        }
        return false;
    }

    private static Violation at(Entry e, Violation v) {
        return e.line() > 0 ? v.atLine(e.line()) : v;
    }

    public static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
