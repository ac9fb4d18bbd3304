package vn.hoinghi.media.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one {@link MeetingDemand} into per-region loads. The main room holds at most {@code mainRoomMax}
 * interactive endpoints, filled from the host region first; everyone else is a visitor who only receives. A region
 * other than the host gets one relayed copy of the forwarded streams; the host sends one copy to each such region.
 * Inside a region a conference spans enough bridges for ≤ 80 of its endpoints each and for the pps budget, and
 * every extra bridge adds a relay copy in and out.
 */
public final class MeetingSizer {
    /** No real meeting needs this many bridges in one region; reaching it means a figure was mistyped. */
    private static final int MAX_BRIDGES_PER_MEETING = 10_000;

    private final CapacityModel model;

    public MeetingSizer(CapacityModel model) {
        this.model = model;
    }

    public MeetingFootprint size(MeetingDemand d) {
        int total = d.totalSites();
        int interactive = Math.min(total, model.mainRoomMax());
        int lastN = d.lastN() > 0 ? d.lastN() : model.lastNFor(total);
        int speakers = Math.min(d.speakers(), interactive);
        long interactivePps = PacketRates.receiverPps(model, forwarded(lastN, interactive - 1), speakers,
                d.stageLayer());
        long visitorPps = PacketRates.receiverPps(model, forwarded(lastN, interactive), speakers, d.stageLayer());
        Map<String, Integer> interactiveByRegion = placeInteractive(d, interactive);
        long regionsTouched = d.sitesByRegion().values().stream().filter(n -> n > 0).count();

        List<RegionShare> shares = new ArrayList<>();
        for (Map.Entry<String, Integer> e : d.sitesByRegion().entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            String region = e.getKey();
            boolean host = region.equals(d.hostRegion());
            int sites = e.getValue();
            int inter = interactiveByRegion.getOrDefault(region, 0);
            int visitors = sites - inter;
            long ingress = inter * PacketRates.senderVideoPps(model) + (host ? (long) speakers * model.audioPps() : 0);
            long egress = inter * interactivePps + visitors * visitorPps;
            long crossRegion = regionsTouched <= 1 ? 0 : host ? (regionsTouched - 1) * visitorPps : visitorPps;
            long base = ingress + egress + crossRegion;
            int bridges = bridgesFor(d.name(), sites, base, visitorPps);
            long intraRelay = 2L * (bridges - 1) * visitorPps;
            long pps = base + intraRelay;
            Load load = new Load(pps, visitors, host ? d.sipVideoRooms() : 0, host ? d.audioCalls() : 0);
            String why = String.format(java.util.Locale.ROOT,
                    "%s: %d senders × %d + %d receivers × %d + %d visitors × %d + relays %d = %d pps on %d bridge(s)",
                    d.name(), inter, PacketRates.senderVideoPps(model), inter, interactivePps, visitors, visitorPps,
                    crossRegion + intraRelay, pps, bridges);
            shares.add(new RegionShare(region, sites, inter, visitors, bridges, load, why));
        }
        return new MeetingFootprint(d.name(), total, interactive, total - interactive, lastN, interactivePps,
                visitorPps, shares);
    }

    private static int forwarded(int lastN, int visibleSenders) {
        return lastN < 0 ? Math.max(0, visibleSenders) : Math.max(0, Math.min(lastN, visibleSenders));
    }

    /** Main-room seats go to the host region's sites first, then to the other regions in the order given. */
    private static Map<String, Integer> placeInteractive(MeetingDemand d, int interactive) {
        Map<String, Integer> placed = new LinkedHashMap<>();
        int left = interactive;
        int hostSites = d.sitesByRegion().getOrDefault(d.hostRegion(), 0);
        placed.put(d.hostRegion(), Math.min(left, hostSites));
        left -= placed.get(d.hostRegion());
        for (Map.Entry<String, Integer> e : d.sitesByRegion().entrySet()) {
            if (!e.getKey().equals(d.hostRegion()) && left > 0) {
                int take = Math.min(left, e.getValue());
                placed.put(e.getKey(), take);
                left -= take;
            }
        }
        return placed;
    }

    /** The smallest bridge count that holds ≤ 80 endpoints each and whose pps, relays included, fits the budget. */
    private int bridgesFor(String meeting, int sites, long basePps, long relayCopyPps) {
        int b = Math.max(1, ceilDiv(sites, model.maxConferenceParticipantsPerBridge()));
        while (basePps + 2L * (b - 1) * relayCopyPps > b * model.plannedPpsPerBridge()) {
            if (++b > MAX_BRIDGES_PER_MEETING) {
                throw new IllegalArgumentException(meeting + ": does not fit on any number of bridges with "
                        + model.plannedPpsPerBridge() + " pps each; check the capacity parameters");
            }
        }
        return b;
    }

    static int ceilDiv(long a, long b) {
        return (int) ((a + b - 1) / b);
    }
}
