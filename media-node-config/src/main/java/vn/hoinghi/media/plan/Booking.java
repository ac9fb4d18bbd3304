package vn.hoinghi.media.plan;

import java.time.Instant;
import vn.hoinghi.media.capacity.MeetingDemand;

/** A booked meeting: what it needs and when it runs (without preparation or grace, which the planner adds). */
public record Booking(MeetingDemand demand, Instant start, Instant end) {
    public Booking {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException(demand.name() + ": a booking ends after it starts");
        }
    }
}
