package vn.hoinghi.media.plan;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.media.text.Json;
import vn.hoinghi.media.text.TextTable;

/** The three shapes of a plan: a table for people, JSON for tools, and jitsi-autoscaler requests. */
public final class PlanFormats {
    /** DESIGN.md §1: times are stored in UTC and shown in Vietnam's zone. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PlanFormats() {
    }

    public static String table(List<SlotNeed> plan) {
        TextTable t = new TextTable("slot (Asia/Ho_Chi_Minh)", "region", "bridges", "visitor nodes", "Jibri SIP",
                "Jigasi", "peak pps");
        for (SlotNeed n : plan) {
            t.row(LOCAL.format(n.slot().atZone(VIETNAM)), n.region(), n.bridges(), n.visitorNodes(), n.jibriSip(),
                    n.jigasi(), String.format(java.util.Locale.ROOT, "%,d", n.peakPps()));
        }
        return t.toString();
    }

    public static String json(List<SlotNeed> plan) {
        List<Object> slots = new ArrayList<>();
        for (SlotNeed n : plan) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", n.slot().toString());
            m.put("region", n.region());
            m.put("bridges", n.bridges());
            m.put("visitorNodes", n.visitorNodes());
            m.put("jibriSip", n.jibriSip());
            m.put("jigasi", n.jigasi());
            m.put("peakPps", n.peakPps());
            slots.add(m);
        }
        return Json.write(Map.of("slotMinutes", ScalingPlanner.SLOT.toMinutes(), "slots", slots));
    }

    /**
     * jitsi-autoscaler's {@code PUT /groups/options/full-scaling} bodies ({@code instanceType}, {@code direction},
     * {@code options.minDesired/desiredCount}), one whenever a region's need for an instance type changes. That
     * endpoint applies to every group of the type, so each request names its region for the caller to route to the
     * region's autoscaler; visitor nodes have no autoscaler type and are left to Ansible.
     */
    public static String autoscaler(List<SlotNeed> plan) {
        List<Object> requests = new ArrayList<>();
        Map<String, Integer> previous = new HashMap<>();
        for (SlotNeed n : plan) {
            add(requests, previous, n, "jvb", n.bridges());
            add(requests, previous, n, "sip-jibri", n.jibriSip());
            add(requests, previous, n, "jigasi", n.jigasi());
        }
        return Json.write(requests);
    }

    private static void add(List<Object> requests, Map<String, Integer> previous, SlotNeed n, String type,
                            int count) {
        Integer before = previous.put(n.region() + "/" + type, count);
        if (before != null && before == count) {
            return;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("minDesired", count);
        options.put("desiredCount", count);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instanceType", type);
        body.put("direction", before == null || count >= before ? "up" : "down");
        body.put("options", options);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("at", n.slot().toString());
        request.put("region", n.region());
        request.put("method", "PUT");
        request.put("path", "/groups/options/full-scaling");
        request.put("body", body);
        requests.add(request);
    }
}
