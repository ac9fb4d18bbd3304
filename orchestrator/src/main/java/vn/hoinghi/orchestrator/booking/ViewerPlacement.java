package vn.hoinghi.orchestrator.booking;

import vn.hoinghi.orchestrator.capacity.MeetingCapacity;
import vn.hoinghi.orchestrator.sites.NetworkKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moving viewers out of a full region (DESIGN.md §4: "or placed in a neighbour region if the site's network
 * allows"). Only viewers on the public internet move: they reach any region's visitor nodes equally well, while a
 * government-WAN site is bound to its own region's point of presence. Regions border as the country does.
 */
final class ViewerPlacement {
    private static final Map<String, List<String>> NEIGHBOURS = Map.of(
            "NORTH", List.of("CENTRAL"),
            "CENTRAL", List.of("NORTH", "SOUTH"),
            "SOUTH", List.of("CENTRAL"));

    private ViewerPlacement() {
    }

    static List<String> neighbours(String region) {
        return NEIGHBOURS.getOrDefault(region, List.of());
    }

    /**
     * The plan with the movable viewers served in {@code full} handed to the first neighbour not yet tried, or
     * null when nothing can move or every neighbour was tried.
     */
    static BookingPlan moveViewers(BookingPlan plan, String full, Set<String> tried) {
        for (String target : neighbours(full)) {
            if (!tried.add(full + "->" + target)) {
                continue;
            }
            List<BookingPlan.ResolvedInvite> out = new ArrayList<>();
            int moved = 0;
            for (BookingPlan.ResolvedInvite i : plan.invites()) {
                boolean movable = i.servingRegion().equals(full) && i.participation() == Participation.VIEWER
                        && i.wayIn() == WayIn.BROWSER && i.site().network().kind() == NetworkKind.INTERNET;
                out.add(movable ? i.servedFrom(target) : i);
                moved += movable ? 1 : 0;
            }
            if (moved > 0) {
                return plan.withInvites(out);
            }
        }
        return null;
    }

    /** Adds to each region's explanation which viewers it serves on behalf of a neighbour. */
    static List<MeetingCapacity.RegionDemand> explain(List<MeetingCapacity.RegionDemand> demand, BookingPlan before,
                                                      BookingPlan after) {
        Map<String, Long> movedInto = new java.util.HashMap<>();
        for (int i = 0; i < after.invites().size(); i++) {
            var a = after.invites().get(i);
            if (!a.servingRegion().equals(before.invites().get(i).servingRegion())) {
                movedInto.merge(a.servingRegion() + " ← " + before.invites().get(i).servingRegion(), 1L, Long::sum);
            }
        }
        return demand.stream().map(d -> {
            String note = movedInto.entrySet().stream().filter(e -> e.getKey().startsWith(d.region() + " "))
                    .map(e -> e.getValue() + " internet viewer(s) placed here from " + e.getKey().substring(
                            e.getKey().indexOf("← ") + 2) + " (full)").reduce((x, y) -> x + "; " + y).orElse(null);
            return note == null ? d : new MeetingCapacity.RegionDemand(d.region(), d.from(), d.to(), d.load(),
                    d.explanation() + "; " + note);
        }).toList();
    }
}
