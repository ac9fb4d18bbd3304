package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

/** Transactions around the intent log: each write commits at once, so a crash leaves a trace of what was tried. */
@Singleton
public class DialLog {
    private final DialStore dials;

    public DialLog(DialStore dials) {
        this.dials = dials;
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

    @Transactional
    public int connectedByState(long meetingId, String target, String callId) {
        return dials.connectedByState(meetingId, target, callId);
    }
}
