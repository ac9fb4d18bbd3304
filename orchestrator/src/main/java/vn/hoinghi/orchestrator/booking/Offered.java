package vn.hoinghi.orchestrator.booking;

import jakarta.inject.Singleton;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.media.capacity.RegionFleet;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What each region's fleet offers to admission. When HoiNghi watches the breweries, the live fleet counts: the
 * ENABLED bridges, Jibri SIP gateways and Jigasi instances of the region that are neither draining nor shutting
 * down (a CORDONED node keeps its meetings but takes no new bookings). For a kind no member of which was seen yet
 * (no XMPP, start-up, a brewery not watched) the configured count stands in. Jibri's presence names no region, so
 * usable Jibris are shared out in proportion to the configured counts: losing a third of them takes a third from
 * every region, rather than reading "no gateway in any region" and refusing every room system. Visitor nodes are
 * not brewery members: always configured.
 */
@Singleton
public class Offered {
    private final List<RegionFleetConfig> configured;
    private final FleetRegistry fleet;
    private final MeetingCapacity capacity;

    public Offered(List<RegionFleetConfig> configured, FleetRegistry fleet, MeetingCapacity capacity) {
        this.configured = configured;
        this.fleet = fleet;
        this.capacity = capacity;
    }

    public Load of(String region) {
        Optional<RegionFleetConfig> config = configured.stream()
                .filter(c -> c.getRegion().equalsIgnoreCase(region)).findFirst();
        int visitorNodes = config.map(RegionFleetConfig::getVisitorNodes).orElse(0);
        List<MediaNode> nodes = fleet.nodes();
        return RegionFleet.ofCounts(region,
                live(nodes, MediaNode.Kind.JVB, region, config, RegionFleetConfig::getBridges),
                visitorNodes,
                live(nodes, MediaNode.Kind.JIBRI_SIP, region, config, RegionFleetConfig::getJibriSip),
                live(nodes, MediaNode.Kind.JIGASI, region, config, RegionFleetConfig::getJigasi))
                .offered(capacity.model());
    }

    /** The usable nodes of one kind in a region, by the rules above. */
    private int live(List<MediaNode> nodes, MediaNode.Kind kind, String region, Optional<RegionFleetConfig> config,
                     ToIntFunction<RegionFleetConfig> configuredCount) {
        int configuredHere = config.map(configuredCount::applyAsInt).orElse(0);
        List<MediaNode> ofKind = nodes.stream().filter(n -> n.kind() == kind).toList();
        if (ofKind.isEmpty()) {
            return configuredHere;
        }
        List<MediaNode> usable = ofKind.stream()
                .filter(n -> n.status() == MediaNode.Status.ENABLED && !n.draining() && !n.gracefulShutdown())
                .toList();
        if (ofKind.stream().anyMatch(n -> n.region() != null)) {
            return (int) usable.stream().filter(n -> region.equalsIgnoreCase(n.region())).count();
        }
        int configuredTotal = configured.stream().mapToInt(configuredCount).sum();
        return configuredTotal == 0 ? 0 : (int) ((long) configuredHere * usable.size() / configuredTotal);
    }
}
