package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.BookingConfig;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decides whether a room may exist now: it must belong to a live booked meeting inside its window. */
@Singleton
public class Reservations {
    /** mod_reservations' own format: {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}. */
    private static final DateTimeFormatter PROSODY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ClockFactory.VIETNAM);
    /** Room systems, phones and a few staff join beside the invited sites. */
    private static final int EXTRA_OCCUPANTS = 20;
    private final MeetingStore meetings;
    private final ReadinessStore readiness;
    private final BookingConfig booking;
    private final Clock clock;

    public Reservations(MeetingStore meetings, ReadinessStore readiness, BookingConfig booking, Clock clock) {
        this.meetings = meetings;
        this.readiness = readiness;
        this.booking = booking;
        this.clock = clock;
    }

    public record Answer(HttpStatus status, Map<String, Object> body, String message) {
        boolean ok() {
            return status == HttpStatus.OK;
        }
    }

    @Transactional(readOnly = true)
    public Answer reserve(String room, String owner) {
        if (room != null && room.startsWith("hntest-") && readiness.testRunning(room.substring(7))) {
            // A readiness check's private test room, for as long as the check runs.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", room);
            body.put("name", room);
            body.put("mail_owner", owner == null ? "" : owner);
            body.put("start_time", PROSODY_TIME.format(clock.instant()));
            body.put("duration", 600);
            body.put("max_occupants", 5);
            return new Answer(HttpStatus.OK, body, null);
        }
        long id = RoomNames.meetingOf(room);
        Meeting m = id > 0 ? meetings.find(id).orElse(null) : null;
        if (m == null) {
            return refused(HttpStatus.FORBIDDEN, "Phòng họp này không có trong lịch của HoiNghi / "
                    + "this room is not booked in HoiNghi");
        }
        Instant now = clock.instant();
        Instant opens = m.start().toInstant().minus(booking.getPrepare());
        Instant closes = m.end().toInstant().plus(booking.getGrace());
        if (!MeetingStatus.HOLDING.contains(m.status()) || !now.isBefore(closes)) {
            return refused(HttpStatus.FORBIDDEN, "Cuộc họp đã kết thúc hoặc bị huỷ / the meeting is over or cancelled");
        }
        if (now.isBefore(opens)) {
            return refused(HttpStatus.FORBIDDEN, "Phòng họp mở lúc " + LOCAL.format(opens) + " / the room opens at "
                    + PROSODY_TIME.format(opens));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        // A string: Lua 5.4 would turn a number into "1001.0" in the DELETE path.
        body.put("id", Long.toString(m.id()));
        body.put("name", room);
        body.put("mail_owner", owner == null ? "" : owner);
        body.put("start_time", PROSODY_TIME.format(now));
        body.put("duration", Duration.between(now, closes).toSeconds());
        body.put("max_occupants", m.invites().size() + EXTRA_OCCUPANTS);
        body.put("lobby", false);
        return new Answer(HttpStatus.OK, body, null);
    }

    @Transactional(readOnly = true)
    public Answer byId(String id) {
        try {
            return reserve(RoomNames.of(Long.parseLong(id.replace(".0", ""))), null);
        } catch (NumberFormatException e) {
            return refused(HttpStatus.NOT_FOUND, "Không có đặt phòng này / no such reservation");
        }
    }

    private static Answer refused(HttpStatus status, String message) {
        return new Answer(status, null, message);
    }
}
