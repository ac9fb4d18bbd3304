package vn.hoinghi.orchestrator.booking;

import vn.hoinghi.orchestrator.platform.time.ClockFactory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** Booking requests for tests, on days safely in the future, in Vietnamese local time. */
final class Bookings {
    private Bookings() {
    }

    static String at(int daysAhead, int hour) {
        return LocalDateTime.of(LocalDate.now(ClockFactory.VIETNAM).plusDays(daysAhead), LocalTime.of(hour, 0))
                .toString();
    }

    static BookingRequest simple(String title, String host, int day, int from, int to,
                                 List<BookingRequest.Invite> invites) {
        return new BookingRequest(title, "Chương trình họp", host, at(day, from), at(day, to), null, null, null,
                invites, null);
    }

    static BookingRequest.Invite browser(String site) {
        return new BookingRequest.Invite(site, "INTERACTIVE", "BROWSER", null);
    }

    static BookingRequest.Invite room(String site) {
        return new BookingRequest.Invite(site, "INTERACTIVE", "ROOM_SYSTEM", null);
    }
}
