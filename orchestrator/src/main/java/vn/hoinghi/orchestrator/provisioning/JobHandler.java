package vn.hoinghi.orchestrator.provisioning;

/**
 * Runs one kind of job. Handlers are idempotent: a job may run again after a crash, so each re-reads the
 * meeting's state and skips what is already done.
 */
public interface JobHandler {
    JobKind kind();

    JobOutcome run(Job job);
}
