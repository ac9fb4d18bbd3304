package vn.hoinghi.media.capacity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One meeting as the sizer sees it.
 *
 * @param hostRegion    where the main room, its speakers and its gateways live
 * @param sitesByRegion endpoints per region (a room system counts as the site it serves); insertion order is kept
 * @param speakers      participants expected to talk at once (audio forwarded to everyone)
 * @param sipVideoRooms room systems joined through the Jibri SIP gateway
 * @param audioCalls    phones joined through Jigasi
 * @param stageLayer    highest layer the meeting's sites can receive on stage (from their network profiles)
 * @param lastN         forced last-N, or 0 to take it from the conference size ({@link CapacityModel#lastNFor})
 */
public record MeetingDemand(String name, String hostRegion, Map<String, Integer> sitesByRegion, int speakers,
                            int sipVideoRooms, int audioCalls, VideoLayer stageLayer, int lastN) {

    public MeetingDemand {
        if (name == null || name.isBlank() || hostRegion == null || hostRegion.isBlank()) {
            throw new IllegalArgumentException("a meeting needs a name and a host region");
        }
        sitesByRegion = Collections.unmodifiableMap(new LinkedHashMap<>(sitesByRegion));
        if (sitesByRegion.values().stream().anyMatch(n -> n == null || n < 0)) {
            throw new IllegalArgumentException(name + ": site counts must be >= 0");
        }
        if (speakers < 0 || sipVideoRooms < 0 || audioCalls < 0 || lastN < 0) {
            throw new IllegalArgumentException(name + ": speakers, room systems, calls and lastN must be >= 0");
        }
        if (stageLayer == null) {
            stageLayer = VideoLayer.HD;
        }
    }

    /** A meeting whose sites are all in its host region. */
    public static MeetingDemand local(String name, String region, int sites, int speakers) {
        return new MeetingDemand(name, region, Map.of(region, sites), speakers, 0, 0, VideoLayer.HD, 0);
    }

    public int totalSites() {
        return sitesByRegion.values().stream().mapToInt(Integer::intValue).sum();
    }
}
