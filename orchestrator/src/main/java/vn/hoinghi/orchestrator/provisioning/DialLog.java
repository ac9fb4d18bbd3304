package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** Transactions around the intent log: each write commits at once, so a crash leaves a trace of what was tried. */
@Singleton
public class DialLog {
    private final DialStore dials;
    private final JobStore jobs;
    private final Clock clock;

    public DialLog(DialStore dials, JobStore jobs, Clock clock) {
        this.dials = dials;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DialStore.Attempt> forJob(long jobId) {
        return dials.forJob(jobId);
    }

    @Transactional(readOnly = true)
    public List<DialStore.Attempt> forMeeting(long meetingId) {
        return dials.forMeeting(meetingId);
    }

    @Transactional
    public long start(long jobId, Long meetingId, String site, DialMethod method, String target, int attemptNo) {
        return dials.start(jobId, meetingId, site, method, target, attemptNo);
    }

    @Transactional
    public void finish(long attemptId, String outcome, String callId, String error) {
        dials.finish(attemptId, outcome, callId, error);
    }

    /**
     * Jicofo reported a SIP call {@code off} with a failure reason after accepting it: the attempt becomes FAILED
     * and its dial job runs again at once, so {@link DialPolicy} picks the next try or fallback exactly as for a
     * refused dial. Conditional on the attempt still counting as connected, so a repeated presence (or a second
     * orchestrator in the room) redials once. Returns how many jobs were reopened.
     */
    @Transactional
    public int callFailed(long meetingId, String target, String callId, String reason) {
        int reopened = 0;
        for (long job : dials.failedByState(meetingId, target, callId, "TRANSIENT: call-failed " + reason)) {
            if (jobs.reopen(job, clock.instant())) {
                reopened++;
            }
        }
        return reopened;
    }

    @Transactional
    public int connectedByState(long meetingId, String target, String callId) {
        return dials.connectedByState(meetingId, target, callId);
    }
}
