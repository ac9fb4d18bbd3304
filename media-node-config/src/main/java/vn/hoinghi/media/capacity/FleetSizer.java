package vn.hoinghi.media.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sizes each region's fleet for meetings that run at the same time. Loads add up per region; a bridge count is
 * the larger of the pps budget and the widest single conference, because Jicofo never puts more than 80 endpoints
 * of one conference on one bridge however idle it is.
 */
public final class FleetSizer {
    private final CapacityModel model;
    private final MeetingSizer meetings;

    public FleetSizer(CapacityModel model) {
        this.model = model;
        this.meetings = new MeetingSizer(model);
    }

    public List<RegionFleet> size(List<MeetingDemand> concurrent) {
        Map<String, Totals> byRegion = new LinkedHashMap<>();
        for (MeetingDemand d : concurrent) {
            for (RegionShare s : meetings.size(d).shares()) {
                byRegion.computeIfAbsent(s.region(), r -> new Totals()).add(d.name(), s);
            }
        }
        List<RegionFleet> fleets = new ArrayList<>();
        byRegion.forEach((region, t) -> fleets.add(fleetFor(region, t)));
        return fleets;
    }

    /**
     * Signalling is fleet-wide, not regional: one Prosody + Jicofo shard holds every region's bridges in its
     * breweries, which is what lets a meeting relay across regions. Visitors sign in on visitor nodes instead, so
     * only main-room endpoints count here.
     */
    public NodeCount signalling(List<MeetingDemand> concurrent) {
        int mainRoom = 0;
        for (MeetingDemand d : concurrent) {
            mainRoom += meetings.size(d).interactive();
        }
        int shards = Math.max(1, MeetingSizer.ceilDiv(mainRoom, model.mainRoomEndpointsPerShard()));
        return new NodeCount(NodeKind.SHARD, shards, fmt(
                "%,d main-room endpoints / %,d per Prosody+Jicofo shard = %d (at least one; visitors sign in on"
                        + " visitor nodes)", mainRoom, model.mainRoomEndpointsPerShard(), shards));
    }

    private RegionFleet fleetFor(String region, Totals t) {
        long perBridge = model.plannedPpsPerBridge();
        int byPps = MeetingSizer.ceilDiv(t.load.pps(), perBridge);
        int bridges = Math.max(byPps, t.widestSpan);
        String bridgeWhy = fmt("%,d pps from %d meeting(s) / %,d pps per bridge (stress %.1f × %,d) = %d; "
                        + "widest conference '%s' spans %d (≤ %d endpoints per bridge, relays included)",
                t.load.pps(), t.meetings, perBridge, model.overloadedStress(), model.bridgeStressPps(), byPps,
                t.widestMeeting, t.widestSpan, model.maxConferenceParticipantsPerBridge());
        int visitorNodes = MeetingSizer.ceilDiv(t.load.visitorSlots(), model.visitorsPerNodeSoft());
        String visitorWhy = fmt("%,d visitors / %d per node (soft limit; hard %,d) = %d",
                t.load.visitorSlots(), model.visitorsPerNodeSoft(), model.visitorsPerNodeHard(), visitorNodes);
        int jibri = MeetingSizer.ceilDiv(t.load.videoGateways(), model.sipVideoPerJibri());
        String jibriWhy = fmt("%d SIP video room systems / %d per Jibri = %d", t.load.videoGateways(),
                model.sipVideoPerJibri(), jibri);
        int jigasi = MeetingSizer.ceilDiv(t.load.audioCalls(), model.callsPerJigasi());
        String jigasiWhy = fmt("%d audio calls / %d per Jigasi = %d", t.load.audioCalls(), model.callsPerJigasi(),
                jigasi);
        return new RegionFleet(region, t.load, List.of(
                new NodeCount(NodeKind.BRIDGE, bridges, bridgeWhy),
                new NodeCount(NodeKind.VISITOR_NODE, visitorNodes, visitorWhy),
                new NodeCount(NodeKind.JIBRI_SIP, jibri, jibriWhy),
                new NodeCount(NodeKind.JIGASI, jigasi, jigasiWhy)));
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }

    /** Running sums for one region. */
    private static final class Totals {
        Load load = Load.ZERO;
        int meetings;
        int widestSpan;
        String widestMeeting = "-";

        void add(String meeting, RegionShare s) {
            load = load.plus(s.load());
            meetings++;
            if (s.bridges() > widestSpan) {
                widestSpan = s.bridges();
                widestMeeting = meeting;
            }
        }
    }
}
