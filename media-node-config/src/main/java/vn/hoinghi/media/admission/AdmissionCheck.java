package vn.hoinghi.media.admission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.media.capacity.Load.Resource;

/**
 * Decides whether a booking fits a region (DESIGN.md §4): overlapping reservations add up, and the booking fits
 * only if, at every instant of its window, the sum with it stays within what the region's fleet offers.
 *
 * <p>Pure apart from the injected {@link Clock}: capacity in the past cannot be used or lost, so the part of a
 * window before "now" is not checked (a meeting whose preparation has already begun can still be booked).
 * Thread-safe; the caller makes check-and-insert atomic (a row lock or exclusion constraint on its ledger).
 */
public final class AdmissionCheck {
    private final Clock clock;

    public AdmissionCheck(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param region    the region's name, used in the explanation only
     * @param capacity  what the region's fleet offers ({@code RegionFleet.offered(model)})
     * @param existing  reservations already held in the region; those outside the window are ignored
     * @param candidate the booking to check, its window already widened by preparation and grace
     * @throws IllegalArgumentException if the candidate's window ended before now
     */
    public AdmissionDecision check(String region, Load capacity, Collection<Reservation> existing,
                                   Reservation candidate) {
        Instant now = clock.instant();
        Instant from = candidate.from().isBefore(now) ? now : candidate.from();
        if (!from.isBefore(candidate.to())) {
            throw new IllegalArgumentException("reservation " + candidate.id() + " ended at " + candidate.to()
                    + ", before now (" + now + ")");
        }
        long[] cap = {capacity.pps(), capacity.visitorSlots(), capacity.videoGateways(), capacity.audioCalls()};
        long[] peak = new long[LoadSweep.RESOURCES];
        long[] excess = new long[LoadSweep.RESOURCES];
        long[] overFrom = new long[LoadSweep.RESOURCES];
        long[] overTo = new long[LoadSweep.RESOURCES];
        LoadSweep.sweep(existing, from, candidate.to(), candidate.load(), (segFrom, segTo, usage) -> {
            for (int r = 0; r < usage.length; r++) {
                peak[r] = Math.max(peak[r], usage[r]);
                long over = usage[r] - cap[r];
                if (over > 0) {
                    if (excess[r] == 0) {
                        overFrom[r] = segFrom;
                    }
                    excess[r] = Math.max(excess[r], over);
                    overTo[r] = segTo;
                }
            }
        });
        List<Shortfall> shortfalls = new ArrayList<>();
        Resource[] resources = Resource.values();
        for (int r = 0; r < resources.length; r++) {
            if (excess[r] > 0) {
                shortfalls.add(new Shortfall(resources[r], excess[r], Instant.ofEpochMilli(overFrom[r]),
                        Instant.ofEpochMilli(overTo[r])));
            }
        }
        if (shortfalls.isEmpty()) {
            return new AdmissionDecision.Fits(region, from, candidate.to(),
                    new Load(peak[0], peak[1], peak[2], peak[3]));
        }
        return new AdmissionDecision.DoesNotFit(region, shortfalls);
    }
}
