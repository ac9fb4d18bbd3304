package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;

import java.time.Clock;

/** At the start: READY → LIVE, and one DIAL job per room system or audio invitation. */
@Singleton
public class StartHandler implements JobHandler {
    private final Lifecycle lifecycle;
    private final JobQueue jobs;
    private final Clock clock;

    public StartHandler(Lifecycle lifecycle, JobQueue jobs, Clock clock) {
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.START;
    }

    @Override
    public JobOutcome run(Job job) {
        Meeting m = lifecycle.meeting(job.meetingId()).orElse(null);
        if (m == null || !MeetingStatus.HOLDING.contains(m.status())) {
            return JobOutcome.done();
        }
        if (m.start().toInstant().isAfter(clock.instant())) {
            return new JobOutcome.RetryAt(m.start().toInstant(), "not yet due (meeting moved)");
        }
        if (m.status() == MeetingStatus.BOOKED || m.status() == MeetingStatus.PREPARING) {
            // Preparation is still retrying: start once the room is ready.
            return new JobOutcome.RetryAt(clock.instant().plusSeconds(5), "room not ready yet");
        }
        if (m.status() == MeetingStatus.READY) {
            lifecycle.move(m.id(), MeetingStatus.READY, MeetingStatus.LIVE, "start time");
        }
        for (Meeting.Invitation i : m.invites()) {
            if (!"BROWSER".equals(i.wayIn())) {
                jobs.schedule(JobKind.DIAL, m.id(), i.site(), "dial:" + m.id() + ":" + i.site(), clock.instant());
            }
        }
        return JobOutcome.done();
    }
}
