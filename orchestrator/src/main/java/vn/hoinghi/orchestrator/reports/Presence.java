package vn.hoinghi.orchestrator.reports;

import vn.hoinghi.orchestrator.attendance.AttendanceStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time a site was in the room: the union of its endpoints' join–leave intervals, clipped to the meeting. Two
 * endpoints of one unit in the room at once count once; an endpoint still in at the end is counted to the end.
 */
public final class Presence {
    private Presence() {
    }

    public static long seconds(List<AttendanceStore.Event> siteEvents, Instant start, Instant end) {
        Map<String, Instant> open = new HashMap<>();
        List<Instant[]> spans = new ArrayList<>();
        for (AttendanceStore.Event e : siteEvents) {
            if ("JOINED".equals(e.kind())) {
                open.putIfAbsent(e.endpointId(), e.at());
            } else {
                Instant from = open.remove(e.endpointId());
                if (from != null) {
                    spans.add(new Instant[] {from, e.at()});
                }
            }
        }
        open.values().forEach(from -> spans.add(new Instant[] {from, end}));
        spans.sort(Comparator.comparing(s -> s[0]));
        long total = 0;
        Instant coveredTo = start;
        for (Instant[] s : spans) {
            Instant from = max(s[0], coveredTo);
            Instant to = min(s[1], end);
            if (to.isAfter(from)) {
                total += Duration.between(from, to).toSeconds();
                coveredTo = to;
            }
        }
        return total;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
