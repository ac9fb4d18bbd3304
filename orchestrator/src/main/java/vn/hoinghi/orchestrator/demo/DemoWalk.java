package vn.hoinghi.orchestrator.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;
import vn.hoinghi.orchestrator.provisioning.RoomNames;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The demo's short meeting that runs its whole life while you watch (~3 min after start, 7 min long): booked
 * through {@link BookingService} (so invitations go to every unit's contacts), prepared, dialled and ended by the
 * real job runner on the {@link SimulatedFleet}, units arriving through the real {@link RollCall} (one on time and
 * leaving early, one late, one never), then sealed by the records sweep. Only the joins are scripted here.
 */
@Singleton
@Requires(property = "hoinghi.demo.walk", value = "true")
public class DemoWalk {
    public static final String TITLE = "Họp thử toàn trình HoiNghi (demo)";
    static final Duration LEAD = Duration.ofMinutes(3);
    static final Duration LENGTH = Duration.ofMinutes(7);
    private static final Logger LOG = LoggerFactory.getLogger(DemoWalk.class);

    /** A unit's endpoint joining ({@code join}) or leaving this long after the start. */
    record Step(Duration after, String site, String name, boolean join) {
    }

    static final List<Step> SCRIPT = List.of(
            new Step(Duration.ofSeconds(20), "STP-HNI", "Sở Tư pháp Hà Nội", true),
            new Step(Duration.ofSeconds(40), "STP-HCM", "Sở Tư pháp Thành phố Hồ Chí Minh", true),
            new Step(Duration.ofMinutes(4), "STP-HCM", "Sở Tư pháp Thành phố Hồ Chí Minh", false),
            // Past hoinghi.attendance.late-after (5 min): counted late.
            new Step(Duration.ofMinutes(6), "STP-DNG", "Sở Tư pháp Đà Nẵng", true));

    private final BookingService booking;
    private final RollCall roll;
    private final Clock clock;
    private final DemoTelemetry telemetry;
    private final boolean[] done = new boolean[SCRIPT.size()];
    private volatile Long meetingId;
    private volatile Instant start;

    public DemoWalk(BookingService booking, RollCall roll, Clock clock, @Nullable DemoTelemetry telemetry) {
        this.telemetry = telemetry;
        this.booking = booking;
        this.roll = roll;
        this.clock = clock;
    }

    /** Books the walk's meeting; called once the demo Ministry is loaded. */
    public synchronized long book() {
        Instant at = clock.instant().plus(LEAD).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        var local = at.atZone(ClockFactory.VIETNAM).toLocalDateTime();
        List<BookingRequest.Invite> invites = List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "ROOM_SYSTEM", null),
                new BookingRequest.Invite(SimulatedFleet.REFUSES_VIDEO, "INTERACTIVE", "ROOM_SYSTEM", null),
                new BookingRequest.Invite("STP-DNG", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-HCM", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("THADS-DNG", "VIEWER", "BROWSER", null));
        long id = booking.book(Caller.SYSTEM, new BookingRequest(TITLE,
                "Cuộc họp ngắn để xem một hội nghị đi hết vòng đời: mời, chuẩn bị, gọi thiết bị, điểm danh, kết "
                        + "thúc, biên bản ký số và báo cáo.", "BTP", local.toString(), local.plus(LENGTH).toString(),
                null, null, null, invites, null)).first().id();
        start = at;
        meetingId = id;
        LOG.info("demo walk: meeting {} booked for {} ({} min); report at /api/v1/reports/meetings/{} once ended",
                id, local, LENGTH.toMinutes(), id);
        return id;
    }

    public Long meetingId() {
        return meetingId;
    }

    public Instant start() {
        return start;
    }

    /** Plays every scripted join or leave that is due; the job runner does the rest on its own clock. */
    @Scheduled(fixedDelay = "${hoinghi.demo.walk-tick:5s}", initialDelay = "10s")
    public synchronized void tick() {
        if (meetingId == null) {
            return;
        }
        Instant now = clock.instant();
        if (telemetry != null && !now.isBefore(start.plus(LENGTH))) {
            telemetry.close();
        }
        String room = RoomNames.of(meetingId);
        for (int i = 0; i < SCRIPT.size(); i++) {
            Step s = SCRIPT.get(i);
            Instant due = start.plus(s.after());
            if (done[i] || now.isBefore(due)) {
                continue;
            }
            String endpoint = "demo-" + s.site().toLowerCase(java.util.Locale.ROOT);
            if (s.join()) {
                roll.joined(room, endpoint, s.site(), s.name(), due);
                if (telemetry != null) {
                    telemetry.joined(room, endpoint, s.site());
                }
            } else {
                roll.left(room, endpoint, due);
                if (telemetry != null) {
                    telemetry.left(endpoint);
                }
            }
            done[i] = true;
            LOG.info("demo walk: {} {} meeting {}", s.site(), s.join() ? "joins" : "leaves", meetingId);
        }
    }
}
