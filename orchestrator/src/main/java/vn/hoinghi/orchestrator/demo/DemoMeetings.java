package vn.hoinghi.orchestrator.demo;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** A few realistic bookings so the demo has a calendar: booked through the same service the API uses. */
@Singleton
@Requires(property = "hoinghi.demo.enabled", value = "true")
public class DemoMeetings {
    private static final Logger LOG = LoggerFactory.getLogger(DemoMeetings.class);
    private final BookingService booking;
    private final Clock clock;

    public DemoMeetings(BookingService booking, Clock clock) {
        this.booking = booking;
        this.clock = clock;
    }

    public void bookSamples() {
        LocalDate today = LocalDate.now(clock.withZone(ClockFactory.VIETNAM));
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        book(new BookingRequest("Giao ban trực tuyến toàn ngành Tư pháp", "1. Kết quả công tác tuần\n2. Nhiệm vụ tuần tới",
                "BTP", monday + "T08:00", monday + "T10:00", null, "FREQ=WEEKLY;COUNT=4", null,
                List.of(new BookingRequest.Invite("BTP", "INTERACTIVE", "ROOM_SYSTEM", null)),
                List.of(new BookingRequest.InviteRule(null, List.of("PROVINCE_JUSTICE", "PROVINCE_THADS"), null,
                        "INTERACTIVE", "BROWSER"))));
        book(new BookingRequest("Tập huấn nghiệp vụ THADS miền Nam", null, "THADS-HCM", wednesday + "T14:00",
                wednesday + "T16:30", null, null, null, null,
                List.of(new BookingRequest.InviteRule("SOUTH", List.of("REGIONAL_THADS"), null, "VIEWER", null))));
        book(new BookingRequest("Họp Sở Tư pháp Hà Nội với các phòng THADS khu vực", null, "STP-HNI",
                wednesday + "T09:00", wednesday + "T10:30", null, null, null, null,
                List.of(new BookingRequest.InviteRule(null, null, "THADS-HNI", "INTERACTIVE", null))));
    }

    private void book(BookingRequest r) {
        try {
            booking.book(Caller.SYSTEM, r);
        } catch (ApiException e) {
            // A demo restarted the same week may clash with itself; the demo goes on without that meeting.
            LOG.warn("demo meeting '{}' not booked: {}", r.title(), e.text().en());
        } catch (RuntimeException e) {
            // Sample data must never stop the demo from starting (e.g. other startup work racing the booking).
            LOG.warn("demo meeting '{}' not booked", r.title(), e);
        }
    }
}
