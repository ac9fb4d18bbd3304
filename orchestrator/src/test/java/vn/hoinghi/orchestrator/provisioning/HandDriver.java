package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.ApplicationContext;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.attendance.AttendanceController;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Probe;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one application context's job runner on the hand-moved clock ({@link FakeFleet#CLOCK}), as the
 * provisioning tests see a meeting's life: book, move the clock, let every due job run, read the results.
 * A "restart" is a new driver on a new context over the same database.
 */
public final class HandDriver {
    private final ApplicationContext ctx;

    public HandDriver(ApplicationContext ctx) {
        this.ctx = ctx;
    }

    /** A context on {@code url} whose runner only runs when told and whose clock is the hand clock. */
    public static Map<String, Object> properties(String url) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "postgres");
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", DatabaseTest.JWT_SECRET);
        p.put("hoinghi.provisioning.runner-enabled", false);
        p.put("test.hand-clock", true);
        return p;
    }

    /** Books a meeting hosted by the Ministry (BTP) and returns its id. */
    public long book(Instant start, Duration length, List<BookingRequest.Invite> invites) {
        BookingRequest r = new BookingRequest("Họp thử cấp phát", null, "BTP",
                start.atOffset(ZoneOffset.UTC).toString(), start.plus(length).atOffset(ZoneOffset.UTC).toString(),
                null, null, null, invites, null);
        return ctx.getBean(BookingService.class).book(Caller.SYSTEM, r).first().id();
    }

    public void at(Instant when) {
        FakeFleet.CLOCK.set(when);
        runUntilQuiet();
    }

    public void runUntilQuiet() {
        JobRunner runner = ctx.getBean(JobRunner.class);
        for (int i = 0; i < 20 && runner.runDue() > 0; i++) {
            // each round may schedule follow-up jobs due at once (START schedules the dials)
        }
    }

    public Meeting meeting(long id) {
        return ctx.getBean(Lifecycle.class).meeting(id).orElseThrow();
    }

    /** The roll-call of meeting {@code id}, as {@code GET …/attendance} answers it. */
    public List<RollCall.SiteAttendance> attendance(long id) {
        return ctx.getBean(AttendanceController.class).attendance(id);
    }

    public RollCall.SiteAttendance siteOf(long id, String site) {
        return attendance(id).stream().filter(a -> a.site().equals(site)).findFirst().orElseThrow();
    }

    public RollCall.State state(long id, String site) {
        return siteOf(id, site).state();
    }

    public List<DialStore.Attempt> attempts(long id) {
        return ctx.getBean(DialLog.class).forMeeting(id);
    }

    /** The meeting's audited moves, as "FROM->TO". */
    public List<String> transitions(long id) {
        return ctx.getBean(Probe.class).read(() -> ctx.getBean(MeetingStore.class).transitions(id));
    }

    /** The room system address the booking chose for {@code site}. */
    public String roomSystem(long id, String site) {
        return invitation(id, site).roomSystem();
    }

    /** Where an audio invitation of {@code site} is dialled: the first rung of its ladder. */
    public String audioTarget(long id, String site) {
        return ctx.getBean(DialTargets.class).ladder(invitation(id, site)).get(0).target();
    }

    private Meeting.Invitation invitation(long id, String site) {
        return meeting(id).invites().stream().filter(i -> i.site().equals(site)).findFirst().orElseThrow();
    }
}
