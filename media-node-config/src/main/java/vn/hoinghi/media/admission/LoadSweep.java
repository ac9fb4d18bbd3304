package vn.hoinghi.media.admission;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import vn.hoinghi.media.capacity.Load;

/**
 * The step function "load held at each instant" of a set of reservations, walked segment by segment over a window.
 * Admission and the pre-scaling plan both read it, so they can never disagree about what a region carries.
 *
 * <p>Hot path of every booking: events are packed into one {@code long[]} (time, kind, index) and sorted as
 * primitives, which keeps a decision over 10,000 overlapping reservations well under a millisecond.
 */
public final class LoadSweep {
    /** Receives the constant load of {@code [fromMs, toMs)}; {@code usage} is reused, copy it to keep it. */
    @FunctionalInterface
    public interface SegmentVisitor {
        void segment(long fromMs, long toMs, long[] usage);
    }

    public static final int RESOURCES = Load.Resource.values().length;
    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long START_FLAG = 1L << INDEX_BITS;

    private LoadSweep() {
    }

    /**
     * Visits every segment of {@code [a, b)} with the summed load of the reservations holding it, plus {@code extra}
     * (the booking being checked, or zero). Segments are visited in time order and cover the window exactly.
     */
    public static void sweep(Collection<Reservation> reservations, Instant a, Instant b, Load extra,
                             SegmentVisitor visitor) {
        long aMs = a.toEpochMilli();
        long bMs = b.toEpochMilli();
        Reservation[] rs = reservations.toArray(new Reservation[0]);
        if (rs.length > INDEX_MASK) {
            throw new IllegalArgumentException("at most " + INDEX_MASK + " reservations per check");
        }
        long[] usage = new long[RESOURCES];
        add(usage, extra, 1);
        long[] events = new long[2 * rs.length];
        int n = 0;
        for (int i = 0; i < rs.length; i++) {
            long from = rs[i].from().toEpochMilli();
            long to = rs[i].to().toEpochMilli();
            if (from >= bMs || to <= aMs) {
                continue;
            }
            if (from <= aMs) {
                add(usage, rs[i].load(), 1);
            } else {
                events[n++] = ((from - aMs) << (INDEX_BITS + 1)) | START_FLAG | i;
            }
            if (to < bMs) {
                events[n++] = ((to - aMs) << (INDEX_BITS + 1)) | i;
            }
        }
        Arrays.sort(events, 0, n);
        long segmentStart = aMs;
        int e = 0;
        while (e < n) {
            long t = aMs + (events[e] >>> (INDEX_BITS + 1));
            if (t > segmentStart) {
                visitor.segment(segmentStart, t, usage);
                segmentStart = t;
            }
            // Apply every event at t before the next segment: an end and a start at the same instant cancel out.
            while (e < n && aMs + (events[e] >>> (INDEX_BITS + 1)) == t) {
                Reservation r = rs[(int) (events[e] & INDEX_MASK)];
                add(usage, r.load(), (events[e] & START_FLAG) != 0 ? 1 : -1);
                e++;
            }
        }
        visitor.segment(segmentStart, bMs, usage);
    }

    private static void add(long[] usage, Load l, int sign) {
        usage[0] += sign * l.pps();
        usage[1] += sign * l.visitorSlots();
        usage[2] += sign * l.videoGateways();
        usage[3] += sign * l.audioCalls();
    }
}
