package vn.hoinghi.media.plan;

import static vn.hoinghi.media.yaml.YamlNode.require;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.MeetingDemand;
import vn.hoinghi.media.capacity.VideoLayer;
import vn.hoinghi.media.yaml.YamlNode;

/** Reads a demand file (see {@code examples/demand.yaml}); mistakes are reported with line and field. */
public final class DemandYaml {
    private static final Set<String> MEETING_KEYS = Set.of("name", "host", "sites", "speakers", "sipVideoRooms",
            "audioCalls", "layer", "downlinkKbps", "lastN", "start", "end");

    private DemandYaml() {
    }

    public static DemandFile parse(String source, String text) {
        YamlNode root = YamlNode.parse(source, text);
        Map<String, YamlNode> top = root.mapping(Set.of("capacity", "prepareMinutes", "graceMinutes", "meetings"));
        Map<String, String> capacity = new LinkedHashMap<>();
        if (top.containsKey("capacity")) {
            Map<String, YamlNode> entries = top.get("capacity").mapping(Set.copyOf(CapacityModel.parameterNames()));
            entries.forEach((k, v) -> capacity.put(k, v.string()));
        }
        CapacityModel model;
        try {
            model = CapacityModel.defaults().with(capacity);
        } catch (IllegalArgumentException e) {
            throw top.get("capacity").error(e.getMessage());
        }
        Duration prepare = Duration.ofMinutes(top.containsKey("prepareMinutes")
                ? top.get("prepareMinutes").integer(0) : 15);
        Duration grace = Duration.ofMinutes(top.containsKey("graceMinutes") ? top.get("graceMinutes").integer(0) : 10);
        List<MeetingDemand> meetings = new ArrayList<>();
        List<Booking> bookings = new ArrayList<>();
        for (YamlNode item : require(root, top, "meetings").list()) {
            Map<String, YamlNode> m = item.mapping(MEETING_KEYS);
            MeetingDemand d = meeting(model, item, m);
            meetings.add(d);
            if (m.containsKey("start") != m.containsKey("end")) {
                throw item.error("give both start and end, or neither");
            }
            if (m.containsKey("start")) {
                try {
                    bookings.add(new Booking(d, instant(m.get("start")), instant(m.get("end"))));
                } catch (IllegalArgumentException e) {
                    throw m.get("end").error(e.getMessage());
                }
            }
        }
        return new DemandFile(capacity, prepare, grace, meetings, bookings);
    }

    private static MeetingDemand meeting(CapacityModel model, YamlNode item, Map<String, YamlNode> m) {
        YamlNode sitesNode = require(item, m, "sites");
        Map<String, Integer> sites = new LinkedHashMap<>();
        sitesNode.mapping(Set.of()).forEach((region, n) -> sites.put(region, n.integer(0)));
        VideoLayer layer = VideoLayer.HD;
        if (m.containsKey("layer")) {
            try {
                layer = VideoLayer.parse(m.get("layer").string());
            } catch (IllegalArgumentException e) {
                throw m.get("layer").error(e.getMessage());
            }
        }
        if (m.containsKey("downlinkKbps")) {
            if (m.containsKey("layer")) {
                throw m.get("downlinkKbps").error("give layer or downlinkKbps, not both");
            }
            layer = layerForDownlink(model, m.get("downlinkKbps").integer(1), sites, opt(m, "lastN", 0),
                    opt(m, "speakers", 2));
        }
        try {
            return new MeetingDemand(require(item, m, "name").string(), require(item, m, "host").string(), sites,
                    opt(m, "speakers", 2), opt(m, "sipVideoRooms", 0), opt(m, "audioCalls", 0), layer,
                    opt(m, "lastN", 0));
        } catch (IllegalArgumentException e) {
            throw item.error(e.getMessage());
        }
    }

    /**
     * The on-stage layer the weakest site (given by its downlink) can take while also receiving its thumbnails:
     * the meeting's last-N set minus the stage stream.
     */
    private static VideoLayer layerForDownlink(CapacityModel model, int kbps, Map<String, Integer> sites, int lastN,
                                               int speakers) {
        int total = sites.values().stream().mapToInt(Integer::intValue).sum();
        int effective = lastN > 0 ? lastN : model.lastNFor(total);
        int visible = Math.min(model.mainRoomMax(), total) - 1;
        int forwarded = effective < 0 ? visible : Math.min(effective, visible);
        return VideoLayer.forDownlink(model, kbps, Math.max(0, forwarded - 1), speakers);
    }

    private static int opt(Map<String, YamlNode> m, String key, int dflt) {
        return m.containsKey(key) ? m.get(key).integer(0) : dflt;
    }

    private static Instant instant(YamlNode n) {
        try {
            return OffsetDateTime.parse(n.string()).toInstant();
        } catch (DateTimeParseException e) {
            throw n.error("expected a time with offset like 2026-12-01T08:00:00+07:00, got '" + n.string() + "'");
        }
    }
}
