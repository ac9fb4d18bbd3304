package vn.hoinghi.media.capacity;

import java.util.List;

/**
 * A region's fleet: node counts with their reasons, and the demand they were sized for.
 *
 * @param demand the load the counts were sized for (zero for a fleet read from a fleet file)
 */
public record RegionFleet(String region, Load demand, List<NodeCount> nodes) {
    public RegionFleet {
        nodes = List.copyOf(nodes);
    }

    /** A fleet given by counts alone, as a fleet file describes it. */
    public static RegionFleet ofCounts(String region, int bridges, int visitorNodes, int jibriSip, int jigasi) {
        return new RegionFleet(region, Load.ZERO, List.of(
                new NodeCount(NodeKind.BRIDGE, bridges, "given"),
                new NodeCount(NodeKind.VISITOR_NODE, visitorNodes, "given"),
                new NodeCount(NodeKind.JIBRI_SIP, jibriSip, "given"),
                new NodeCount(NodeKind.JIGASI, jigasi, "given")));
    }

    public int count(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).mapToInt(NodeCount::count).sum();
    }

    /** What these nodes offer to admission, in the same units as a reservation's {@link Load}. */
    public Load offered(CapacityModel m) {
        return new Load(count(NodeKind.BRIDGE) * m.plannedPpsPerBridge(),
                (long) count(NodeKind.VISITOR_NODE) * m.visitorsPerNodeSoft(),
                (long) count(NodeKind.JIBRI_SIP) * m.sipVideoPerJibri(),
                (long) count(NodeKind.JIGASI) * m.callsPerJigasi());
    }
}
