package vn.hoinghi.orchestrator.booking;

import vn.hoinghi.orchestrator.sites.Site;

import java.time.Instant;
import java.util.List;

/** A booking request checked and resolved against the directory: ready to be admitted and written. */
public record BookingPlan(String title, String agenda, Site host, List<Occurrence> occurrences,
                          List<ResolvedInvite> invites, String rrule, String exdates) {

    public record Occurrence(Instant start, Instant end) {
    }

    /**
     * {@code room} is set exactly when the site joins through its room system; {@code servingRegion} is the region
     * whose media nodes serve it (its own, unless admission placed it in a neighbour region).
     */
    public record ResolvedInvite(Site site, Participation participation, WayIn wayIn, Site.RoomSystem room,
                                 String servingRegion) {
        public ResolvedInvite(Site site, Participation participation, WayIn wayIn, Site.RoomSystem room) {
            this(site, participation, wayIn, room, site.region().name());
        }

        public ResolvedInvite servedFrom(String region) {
            return new ResolvedInvite(site, participation, wayIn, room, region);
        }
    }

    public BookingPlan withInvites(List<ResolvedInvite> newInvites) {
        return new BookingPlan(title, agenda, host, occurrences, newInvites, rrule, exdates);
    }
}
