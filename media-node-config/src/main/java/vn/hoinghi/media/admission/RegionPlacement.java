package vn.hoinghi.media.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DESIGN.md §4: a booking that does not fit its home region may go to a neighbour region if the sites' network
 * allows it. The caller decides which neighbours are allowed and in which order; this tries them in that order.
 */
public final class RegionPlacement {
    private final AdmissionCheck check;

    public RegionPlacement(AdmissionCheck check) {
        this.check = check;
    }

    /** @param options home region first, then the allowed neighbours in order of preference */
    public Placement place(List<RegionOption> options, Reservation candidate) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no region to place " + candidate.id() + " in");
        }
        List<AdmissionDecision> decisions = new ArrayList<>();
        for (RegionOption o : options) {
            AdmissionDecision d = check.check(o.region(), o.capacity(), o.held(), candidate);
            decisions.add(d);
            if (d.fits()) {
                return new Placement(Optional.of(o.region()), decisions);
            }
        }
        return new Placement(Optional.empty(), decisions);
    }
}
