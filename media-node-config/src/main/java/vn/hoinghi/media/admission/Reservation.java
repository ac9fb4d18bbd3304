package vn.hoinghi.media.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.hoinghi.media.capacity.Load;

/**
 * Resources held in one region over the half-open window {@code [from, to)}. Half-open so that a meeting ending at
 * 10:00 and one starting at 10:00 never count together, and a window split at any instant reserves the same.
 */
public record Reservation(String id, Instant from, Instant to, Load load) {
    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(load, "load");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("reservation " + id + ": window must end after it starts: "
                    + from + " .. " + to);
        }
    }

    /**
     * The window DESIGN.md §4 reserves for a meeting: from {@code start - prepare} (PREPARING, when HoiNghi joins the
     * room) to {@code end + grace} (meetings overrun).
     */
    public static Reservation forMeeting(String id, Instant start, Instant end, Duration prepare, Duration grace,
                                         Load load) {
        return new Reservation(id, start.minus(prepare), end.plus(grace), load);
    }

    public boolean overlaps(Instant a, Instant b) {
        return from.isBefore(b) && to.isAfter(a);
    }
}
