package vn.hoinghi.orchestrator.capacity;

import vn.hoinghi.media.admission.AdmissionCheck;
import vn.hoinghi.media.admission.AdmissionDecision;
import vn.hoinghi.media.admission.Reservation;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.media.capacity.MeetingDemand;
import vn.hoinghi.media.capacity.MeetingFootprint;
import vn.hoinghi.media.capacity.MeetingSizer;
import vn.hoinghi.media.capacity.RegionShare;
import vn.hoinghi.media.capacity.VideoLayer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The booking side of the capacity model (media-node-config): what one meeting occurrence reserves in each region
 * and whether a region can take it. Framework-free on purpose, like the model it wraps.
 */
public final class MeetingCapacity {
    /** One region's share of a meeting: the load reserved over {@code [start - prepare, end + grace)}. */
    public record RegionDemand(String region, Instant from, Instant to, Load load, String explanation) {
    }

    /** A meeting as admission sees it: where its sites are, and how many gateways it needs. */
    public record Shape(String name, String hostRegion, Map<String, Integer> sitesByRegion, int sipVideoRooms,
                        int audioCalls, int stageHeight) {
    }

    private final CapacityModel model;
    private final MeetingSizer sizer;
    private final AdmissionCheck admission;
    private final Duration prepare;
    private final Duration grace;

    public MeetingCapacity(CapacityModel model, Clock clock, Duration prepare, Duration grace) {
        this.model = model;
        this.sizer = new MeetingSizer(model);
        this.admission = new AdmissionCheck(clock);
        this.prepare = prepare;
        this.grace = grace;
    }

    public CapacityModel model() {
        return model;
    }

    public List<RegionDemand> demand(Shape shape, Instant start, Instant end) {
        VideoLayer stage = shape.stageHeight() >= VideoLayer.HD.height() ? VideoLayer.HD
                : shape.stageHeight() >= VideoLayer.SD.height() ? VideoLayer.SD : VideoLayer.LD;
        // Two people speak at once in a typical Ministry meeting: the chair and whoever has the floor.
        MeetingDemand d = new MeetingDemand(shape.name(), shape.hostRegion(), shape.sitesByRegion(), 2,
                shape.sipVideoRooms(), shape.audioCalls(), stage, 0);
        MeetingFootprint footprint = sizer.size(d);
        Instant from = start.minus(prepare);
        Instant to = end.plus(grace);
        return footprint.shares().stream()
                .map((RegionShare s) -> new RegionDemand(s.region(), from, to, s.load(), s.why()))
                .toList();
    }

    public AdmissionDecision admit(RegionDemand demand, Load offered, Collection<Reservation> existing, String id) {
        return admission.check(demand.region(), offered, existing,
                new Reservation(id, demand.from(), demand.to(), demand.load()));
    }
}
