package vn.hoinghi.media.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A demand file: capacity overrides, preparation and grace, and meetings. {@code size} treats every meeting as
 * running at once; {@code plan} uses their times.
 *
 * @param bookings the meetings that have times, for {@code plan}; {@code size} uses {@code meetings}
 */
public record DemandFile(Map<String, String> capacity, Duration prepare, Duration grace,
                         List<vn.hoinghi.media.capacity.MeetingDemand> meetings, List<Booking> bookings) {
    public DemandFile {
        capacity = Map.copyOf(capacity);
        meetings = List.copyOf(meetings);
        bookings = List.copyOf(bookings);
    }
}
