package vn.hoinghi.orchestrator.reports;

import io.micronaut.context.ApplicationContext;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A world of meetings that really ran: booked, prepared, live (the fake fleet takes the dials, STP-HPG's room
 * system refuses video so it falls back to audio), units joining through the roll-call (STP-DNG 10 minutes late,
 * leaving after 40), ended by the job runner; the telemetry collector answers over HTTP.
 */
public final class EndedMeetings implements AutoCloseable {
    public static final String COLLECTOR_KEY = "test-collector-key-0123456789abcdef";
    public final FakeCollector collector = new FakeCollector();
    public final ApplicationContext ctx;
    public final HandDriver run;
    public final Path keystore;
    public final List<Long> meetings = new ArrayList<>();
    public final List<Instant> starts = new ArrayList<>();

    public EndedMeetings(Class<?> owner) throws Exception {
        FakeFleet.reset();
        keystore = Files.createTempDirectory("records").resolve("records.p12");
        Map<String, Object> p = new HashMap<>(HandDriver.properties(TestPostgres.freshDatabase(owner)));
        p.put("test.fake-fleet", true);
        p.put("hoinghi.collector.url", collector.url());
        p.put("hoinghi.service-keys.collector", COLLECTOR_KEY);
        p.put("hoinghi.records.keystore", keystore.toString());
        p.put("hoinghi.records.keystore-password", "test-password");
        p.put("hoinghi.records.create-self-signed", true);
        ctx = ApplicationContext.run(p);
        run = new HandDriver(ctx);
        ctx.getBean(Fixtures.class).ministryWithUsers();
    }

    /** Runs one more meeting through its whole life, after the previous one, and returns its id. */
    public long runOne() {
        Instant start = (starts.isEmpty() ? FakeFleet.CLOCK.instant() : starts.get(starts.size() - 1))
                .plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        FakeFleet.videoFailure = t -> t.contains("stp-hpg") ? new ProvisioningException(
                ProvisioningException.Kind.PERMANENT, "service-unavailable", "codec busy") : null;
        long id = run.book(start, Duration.ofHours(1), List.of(
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "ROOM_SYSTEM", null),
                new BookingRequest.Invite("STP-HPG", "INTERACTIVE", "ROOM_SYSTEM", null),
                new BookingRequest.Invite("STP-DNG", "INTERACTIVE", "BROWSER", null),
                new BookingRequest.Invite("STP-HCM", "VIEWER", "BROWSER", null)));
        run.at(start.minus(Duration.ofMinutes(15)));
        run.at(start);
        RollCall roll = ctx.getBean(RollCall.class);
        String room = RoomNames.of(id);
        roll.joined(room, "ep-hni", "STP-HNI", "Sở Tư pháp Hà Nội", start.plusSeconds(30));
        roll.joined(room, "ep-dng", "STP-DNG", "Sở Tư pháp Đà Nẵng", start.plus(Duration.ofMinutes(10)));
        roll.left(room, "ep-dng", start.plus(Duration.ofMinutes(50)));
        run.at(start.plus(Duration.ofHours(1)));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
        meetings.add(id);
        starts.add(start);
        return id;
    }

    @Override
    public void close() {
        ctx.close();
        collector.close();
    }
}
