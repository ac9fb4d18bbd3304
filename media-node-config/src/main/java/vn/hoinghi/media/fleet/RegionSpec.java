package vn.hoinghi.media.fleet;

import vn.hoinghi.media.capacity.RegionFleet;

/** One region of the fleet file: how many nodes of each kind run there. */
public record RegionSpec(String name, int bridges, int visitorNodes, int jibriSip, int jigasi) {
    public RegionSpec {
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("region names are letters, digits and '-', got '" + name + "'");
        }
    }

    /** Lower-case id used in node names and relay ids (bridge {@code jvb-north-1}). */
    public String id() {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    public RegionFleet asFleet() {
        return RegionFleet.ofCounts(name, bridges, visitorNodes, jibriSip, jigasi);
    }
}
