package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.BookingConfig;

import java.time.Clock;

/**
 * Turns the calendar into jobs: PREPARE at start − prepare, START at the start, END at the end, for every live
 * meeting within the look-ahead. Runs each round; idempotent (dedupe keys) and it moves pending jobs of meetings
 * that were rescheduled, so booking needs to know nothing about jobs.
 */
@Singleton
public class MeetingScheduler {
    private final ProvisioningStore store;
    private final JobStore jobs;
    private final BookingConfig booking;
    private final ProvisioningConfig config;
    private final Clock clock;

    public MeetingScheduler(ProvisioningStore store, JobStore jobs, BookingConfig booking, ProvisioningConfig config,
                            Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.booking = booking;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public void scheduleUpcoming() {
        for (ProvisioningStore.Upcoming m : store.upcoming(clock.instant().plus(config.getLookahead()),
                booking.getPrepare())) {
            store.upsert(JobKind.PREPARE, m.id(), "prepare:" + m.id(), m.start().minus(booking.getPrepare()));
            store.upsert(JobKind.START, m.id(), "start:" + m.id(), m.start());
            store.upsert(JobKind.END, m.id(), "end:" + m.id(), m.end());
            // The day before (here: once, as soon as the meeting is within the look-ahead and still hours away),
            // test-dial every room system the meeting will call, so operators can fix one before it matters.
            if (m.start().isAfter(clock.instant().plus(java.time.Duration.ofHours(2)))) {
                for (String site : store.roomSystemSites(m.id())) {
                    jobs.schedule(JobKind.TEST_DIAL, null, site, "test:" + site + ":" + m.id(), clock.instant());
                }
            }
        }
    }
}
