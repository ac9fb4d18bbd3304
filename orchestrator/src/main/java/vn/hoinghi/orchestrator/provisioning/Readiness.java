package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteService;

import java.time.Clock;
import java.util.List;

/** Readiness checks: a test dial of a site's room systems, on demand or the day before its meetings. */
@Singleton
public class Readiness {
    private final SiteService sites;
    private final JobStore jobs;
    private final ReadinessStore results;
    private final Clock clock;

    public Readiness(SiteService sites, JobStore jobs, ReadinessStore results, Clock clock) {
        this.sites = sites;
        this.jobs = jobs;
        this.results = results;
        this.clock = clock;
    }

    /** Queues a test dial now; returns false when one is already queued for this minute. */
    @Transactional
    public boolean request(Caller caller, String code) {
        Site site = sites.get(code);
        sites.requireScope(caller, site.code());
        return jobs.schedule(JobKind.TEST_DIAL, null, site.code(),
                "test:" + site.code() + ":" + clock.instant().getEpochSecond() / 60, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<ReadinessStore.Result> results(String code) {
        return results.forSite(sites.get(code).code());
    }

    @Transactional(readOnly = true)
    public Site site(String code) {
        return sites.get(code);
    }

    @Transactional
    public void record(String address, boolean ok, String detail) {
        results.record(address, ok, detail);
    }

    @Transactional(readOnly = true)
    public boolean testRunning(String site) {
        return results.testRunning(site);
    }

    public static String testRoom(String site) {
        return "hntest-" + site.toLowerCase(java.util.Locale.ROOT);
    }
}
