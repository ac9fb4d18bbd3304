package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The job table's operations, each in its own short transaction (claims must commit before the work starts). */
@Singleton
public class JobQueue {
    private final JobStore jobs;

    public JobQueue(JobStore jobs) {
        this.jobs = jobs;
    }

    @Transactional
    public List<Job> claim(String runner, int max, Duration lease) {
        return jobs.claim(runner, max, lease);
    }

    @Transactional
    public boolean complete(long id, String runner, JobOutcome outcome) {
        return jobs.complete(id, runner, outcome);
    }

    @Transactional
    public boolean schedule(JobKind kind, Long meetingId, String siteCode, String dedupeKey, Instant runAt) {
        return jobs.schedule(kind, meetingId, siteCode, dedupeKey, runAt);
    }
}
