package vn.hoinghi.orchestrator.booking;

import vn.hoinghi.orchestrator.sites.Site;

import java.time.Instant;
import java.util.List;

/** A booking request checked and resolved against the directory: ready to be admitted and written. */
public record BookingPlan(String title, String agenda, Site host, List<Occurrence> occurrences,
                          List<ResolvedInvite> invites, String rrule, String exdates) {

    public record Occurrence(Instant start, Instant end) {
    }

    /** {@code room} is set exactly when the site joins through its room system. */
    public record ResolvedInvite(Site site, Participation participation, WayIn wayIn, Site.RoomSystem room) {
    }
}
