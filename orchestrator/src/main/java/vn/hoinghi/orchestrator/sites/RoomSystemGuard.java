package vn.hoinghi.orchestrator.sites;

import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A room system a coming meeting has invited may not be taken off its site (by an import or an edit): the
 * meeting would dial an address its site no longer has. The error names the meetings, so the user can move or
 * cancel them first.
 */
@Singleton
public class RoomSystemGuard {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final SiteStore store;

    public RoomSystemGuard(SiteStore store) {
        this.store = store;
    }

    /** A site as it is and the addresses a line (0 for an API call) would leave it with. */
    public record Change(int line, Site current, List<String> addresses) {
    }

    public List<Violation> check(List<Change> changes) {
        Map<Change, List<String>> removed = new LinkedHashMap<>();
        Set<String> all = new HashSet<>();
        for (Change c : changes) {
            if (c.current() == null) {
                continue;
            }
            Set<String> kept = c.addresses().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            List<String> gone = c.current().roomSystems().stream().map(r -> r.address().toLowerCase(Locale.ROOT))
                    .filter(a -> !kept.contains(a)).toList();
            if (!gone.isEmpty()) {
                removed.put(c, gone);
                all.addAll(gone);
            }
        }
        Map<String, List<MeetingUse>> uses = store.futureMeetingsUsing(all);
        List<Violation> out = new ArrayList<>();
        removed.forEach((c, gone) -> gone.stream().filter(uses::containsKey).forEach(address -> {
            Violation v = Violation.of("roomSystems", "room-system-in-use", inUse(address, uses.get(address)));
            out.add(c.line() > 0 ? v.atLine(c.line()) : v);
        }));
        return out;
    }

    private static Text inUse(String address, List<MeetingUse> meetings) {
        String list = meetings.stream().limit(5)
                .map(m -> "#" + m.id() + " «" + m.title() + "» (" + WHEN.format(m.startsAt()) + ")")
                .collect(Collectors.joining(", "));
        String more = meetings.size() > 5 ? " …(+" + (meetings.size() - 5) + ")" : "";
        return new Text(
                "thiết bị " + address + " đang được mời vào cuộc họp sắp tới: " + list + more
                        + "; hãy đổi hoặc huỷ các cuộc họp đó trước khi bỏ thiết bị",
                "room system " + address + " is invited to coming meeting(s): " + list + more
                        + "; change or cancel them before removing it");
    }
}
