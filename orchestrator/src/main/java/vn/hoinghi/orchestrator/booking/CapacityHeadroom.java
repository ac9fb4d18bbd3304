package vn.hoinghi.orchestrator.booking;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.media.admission.AdmissionDecision;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;
import vn.hoinghi.orchestrator.sites.Region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Each region's busiest moment in a window against its fleet: for {@code GET /api/v1/capacity} and the metrics. */
@Singleton
public class CapacityHeadroom {
    private final LedgerStore ledger;
    private final MeetingCapacity capacity;
    private final Offered offered;

    public CapacityHeadroom(LedgerStore ledger, MeetingCapacity capacity, Offered offered) {
        this.ledger = ledger;
        this.capacity = capacity;
        this.offered = offered;
    }

    /**
     * {@code peak} is null when the region is over-committed (admission must never let that happen); then
     * {@code explanation} names the shortfall.
     */
    public record Usage(Region region, Load offered, Load peak, int reservations, String explanation) {
        /** What is left at the peak, as a share of what is offered: 0 when over-committed or nothing is offered. */
        public double headroom(Load.Resource resource) {
            if (peak == null) {
                return 0;
            }
            long have = offered.get(resource);
            long used = peak.get(resource);
            if (have <= 0) {
                return used > 0 ? 0 : 1;
            }
            return Math.max(0, 1 - (double) used / have);
        }
    }

    @Transactional(readOnly = true)
    public List<Usage> between(Instant from, Instant to) {
        List<Usage> out = new ArrayList<>();
        for (Region region : Region.values()) {
            var existing = ledger.overlapping(region.name(), from, to, null);
            Load fleet = offered.of(region.name());
            var probe = new MeetingCapacity.RegionDemand(region.name(), from, to, Load.ZERO, "headroom");
            AdmissionDecision d = capacity.admit(probe, fleet, existing, "headroom");
            out.add(new Usage(region, fleet, d instanceof AdmissionDecision.Fits f ? f.peak() : null, existing.size(),
                    d.explain()));
        }
        return out;
    }
}
