package vn.hoinghi.orchestrator.booking;

import jakarta.inject.Singleton;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.media.capacity.RegionFleet;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each region's fleet offers to admission. When HoiNghi watches the breweries, the live fleet counts: the
 * ENABLED bridges, Jibri SIP gateways and Jigasi instances of the region that are neither draining nor shutting
 * down (a CORDONED node keeps its meetings but takes no new bookings). Before any member was seen (no XMPP, or
 * at start-up) the configured counts stand in. Visitor nodes are not brewery members: always configured.
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
        if (nodes.isEmpty()) {
            return config.map(c -> RegionFleet.ofCounts(region, c.getBridges(), visitorNodes, c.getJibriSip(),
                    c.getJigasi()).offered(capacity.model())).orElse(Load.ZERO);
        }
        List<MediaNode> usable = nodes.stream()
                .filter(n -> n.region() != null && n.region().toUpperCase(Locale.ROOT).equals(region))
                .filter(n -> n.status() == MediaNode.Status.ENABLED && !n.draining() && !n.gracefulShutdown())
                .toList();
        return RegionFleet.ofCounts(region, count(usable, MediaNode.Kind.JVB), visitorNodes,
                count(usable, MediaNode.Kind.JIBRI_SIP), count(usable, MediaNode.Kind.JIGASI)).offered(capacity.model());
    }

    private static int count(List<MediaNode> nodes, MediaNode.Kind kind) {
        return (int) nodes.stream().filter(n -> n.kind() == kind).count();
    }
}
