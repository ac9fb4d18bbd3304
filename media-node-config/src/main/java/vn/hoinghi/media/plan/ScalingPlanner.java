package vn.hoinghi.media.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.media.admission.LoadSweep;
import vn.hoinghi.media.admission.Reservation;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.MeetingSizer;
import vn.hoinghi.media.capacity.RegionShare;

/**
 * Pre-scaling (DESIGN.md §4): from the calendar, the nodes each region needs in each 15-minute slot. A slot gets
 * the peak load inside it, read from the same {@link LoadSweep} admission uses, so a plan never promises less than
 * admission granted. Windows include preparation and grace, when HoiNghi is already in the room.
 */
public final class ScalingPlanner {
    public static final Duration SLOT = Duration.ofMinutes(15);

    private final CapacityModel model;
    private final MeetingSizer sizer;
    private final Duration prepare;
    private final Duration grace;

    public ScalingPlanner(CapacityModel model, Duration prepare, Duration grace) {
        this.model = model;
        this.sizer = new MeetingSizer(model);
        this.prepare = prepare;
        this.grace = grace;
    }

    /**
     * Slots in time order, regions in first-seen order within a slot, ending with one slot of zero need; empty for
     * no bookings.
     */
    public List<SlotNeed> plan(List<Booking> bookings) {
        Map<String, List<Reservation>> byRegion = new LinkedHashMap<>();
        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Instant first = null;
        Instant last = null;
        for (Booking b : bookings) {
            for (RegionShare s : sizer.size(b.demand()).shares()) {
                Reservation r = Reservation.forMeeting(b.demand().name(), b.start(), b.end(), prepare, grace,
                        s.load());
                byRegion.computeIfAbsent(s.region(), k -> new ArrayList<>()).add(r);
                spans.computeIfAbsent(s.region(), k -> new ArrayList<>()).add(new Span(r, s.bridges()));
                first = first == null || r.from().isBefore(first) ? r.from() : first;
                last = last == null || r.to().isAfter(last) ? r.to() : last;
            }
        }
        if (first == null) {
            return List.of();
        }
        long slotMs = SLOT.toMillis();
        long from = Math.floorDiv(first.toEpochMilli(), slotMs) * slotMs;
        // One empty slot after the last window: the plan also says when to scale back down.
        long to = Math.floorDiv(last.toEpochMilli() + slotMs - 1, slotMs) * slotMs + slotMs;
        int slots = (int) ((to - from) / slotMs);
        Map<String, long[][]> peaks = new LinkedHashMap<>();
        byRegion.forEach((region, rs) -> {
            long[][] peak = new long[slots][LoadSweep.RESOURCES];
            LoadSweep.sweep(rs, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to),
                    vn.hoinghi.media.capacity.Load.ZERO, (a, b, usage) -> {
                        for (int i = (int) ((a - from) / slotMs); i < slots && from + i * slotMs < b; i++) {
                            for (int k = 0; k < usage.length; k++) {
                                peak[i][k] = Math.max(peak[i][k], usage[k]);
                            }
                        }
                    });
            peaks.put(region, peak);
        });
        List<SlotNeed> needs = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            Instant slotStart = Instant.ofEpochMilli(from + i * slotMs);
            Instant slotEnd = slotStart.plus(SLOT);
            for (Map.Entry<String, long[][]> e : peaks.entrySet()) {
                long[] p = e.getValue()[i];
                int widest = spans.get(e.getKey()).stream().filter(s -> s.r.overlaps(slotStart, slotEnd))
                        .mapToInt(Span::bridges).max().orElse(0);
                int bridges = Math.max(widest, ceil(p[0], model.plannedPpsPerBridge()));
                needs.add(new SlotNeed(slotStart, e.getKey(), bridges, ceil(p[1], model.visitorsPerNodeSoft()),
                        ceil(p[2], model.sipVideoPerJibri()), ceil(p[3], model.callsPerJigasi()), p[0]));
            }
        }
        return needs;
    }

    private static int ceil(long a, long b) {
        return (int) ((a + b - 1) / b);
    }

    private record Span(Reservation r, int bridges) {
    }
}
