package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims due jobs and runs them. Claims are leased (a dead runner's jobs are taken over when the lease runs out)
 * and outcomes fenced by the lease holder, so a restart or a second orchestrator never loses or doubles a step.
 */
@Singleton
public class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private final JobQueue jobs;
    private final java.time.Clock clock;
    private final ProvisioningConfig config;
    private final Map<JobKind, JobHandler> handlers = new EnumMap<>(JobKind.class);
    private final MeetingScheduler scheduler;
    private final RoomKeeper rooms;
    /** Identifies this process's claims; a restarted process is a new runner. */
    private final String runnerId = "runner-" + UUID.randomUUID();

    public JobRunner(JobQueue jobs, ProvisioningConfig config, List<JobHandler> handlers,
                     MeetingScheduler scheduler, RoomKeeper rooms, java.time.Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        this.config = config;
        this.scheduler = scheduler;
        this.rooms = rooms;
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
    }

    @Scheduled(fixedDelay = "${hoinghi.provisioning.tick:1s}", initialDelay = "5s")
    void tick() {
        if (!config.isRunnerEnabled()) {
            return;
        }
        try {
            runDue();
        } catch (RuntimeException e) {
            // The next tick tries again; a failing database must not kill the scheduler thread.
            LOG.warn("job runner tick failed: {}", e.toString());
        }
    }

    /**
     * One round: schedule upcoming meetings, sit in the rooms of READY and LIVE meetings, then claim and run what
     * is due. Returns how many jobs ran.
     */
    public int runDue() {
        scheduler.scheduleUpcoming();
        rooms.keepAll();
        List<Job> claimed = jobs.claim(runnerId, config.getBatch(), config.getLease());
        for (Job job : claimed) {
            JobHandler handler = handlers.get(job.kind());
            JobOutcome outcome;
            try {
                outcome = handler.run(job);
            } catch (RuntimeException e) {
                LOG.warn("job {} ({}) failed: {}", job.id(), job.kind(), e.toString());
                outcome = new JobOutcome.RetryAt(clock.instant().plusSeconds(30), e.toString());
            }
            if (!jobs.complete(job.id(), runnerId, outcome)) {
                LOG.warn("job {} was taken over by another runner; its outcome here is dropped", job.id());
            }
        }
        return claimed.size();
    }
}
