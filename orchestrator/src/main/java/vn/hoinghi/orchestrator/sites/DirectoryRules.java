package vn.hoinghi.orchestrator.sites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rules that need the whole directory: codes unique within a batch, every parent known, no parent cycle, and a
 * room-system address owned by one site only. The batch is checked as if it were already applied on top of the
 * current directory, so an import may bring a parent and its children in any order.
 */
public final class DirectoryRules {
    private DirectoryRules() {
    }

    /** The parts of the current directory these rules need; keys are upper-cased codes / lower-cased addresses. */
    public record Snapshot(Map<String, String> parentOf, Map<String, String> addressOwner) {
    }

    /** A validated site with the import line it came from (0 for an API call). */
    public record Entry(int line, Site site) {
    }

    public static List<Violation> check(List<Entry> batch, Snapshot current) {
        List<Violation> out = new ArrayList<>();
        Map<String, String> parentOf = new HashMap<>(current.parentOf());
        Map<String, String> addressOwner = new HashMap<>(current.addressOwner());
        Set<String> batchCodes = new HashSet<>();
        for (Entry e : batch) {
            String code = key(e.site().code());
            if (!batchCodes.add(code)) {
                out.add(at(e, Violation.of("code", "duplicate-code", SiteErrors.DUPLICATE_CODE)));
                continue;
            }
            parentOf.put(code, e.site().parentCode() == null ? null : key(e.site().parentCode()));
        }
        // Addresses of re-imported sites are replaced, so they no longer block anyone.
        addressOwner.values().removeIf(batchCodes::contains);
        Map<String, String> batchAddresses = new HashMap<>();
        for (Entry e : batch) {
            String code = key(e.site().code());
            String parent = parentOf.get(code);
            if (parent != null && !parentOf.containsKey(parent)) {
                out.add(at(e, Violation.of("parentCode", "unknown-parent", SiteErrors.UNKNOWN_PARENT)));
            } else if (parent != null && inCycle(code, parentOf)) {
                out.add(at(e, Violation.of("parentCode", "cycle", SiteErrors.CYCLE)));
            }
            List<Site.RoomSystem> rooms = e.site().roomSystems();
            for (int i = 0; i < rooms.size(); i++) {
                String address = rooms.get(i).address().toLowerCase(Locale.ROOT);
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

    /** Walks up from {@code start}; a chain longer than the directory, or one that comes back, is a cycle. */
    private static boolean inCycle(String start, Map<String, String> parentOf) {
        Set<String> seen = new HashSet<>();
        String at = start;
        while (at != null) {
            if (!seen.add(at)) {
                return true;
            }
            at = parentOf.get(at);
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
