package vn.hoinghi.orchestrator.booking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.orchestrator.platform.metrics.MetricLabels;
import vn.hoinghi.orchestrator.sites.Region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What is left of each region's fleet at the busiest moment of the next two hours, per resource:
 * {@code hoinghi_capacity_headroom_ratio{region,resource}} = 1 − peak reserved / offered (0 when over-committed or
 * nothing is offered against a demand), beside {@code hoinghi_capacity_offered} and
 * {@code hoinghi_capacity_reserved_peak}. The same arithmetic as {@code GET /api/v1/capacity}; it looks ahead
 * because a region that is full in an hour needs a bridge started now (DESIGN §4 pre-scaling).
 */
@Singleton
public class CapacityHeadroomMetrics implements MeterBinder {
    static final Duration AHEAD = Duration.ofHours(2);
    private static final Logger LOG = LoggerFactory.getLogger(CapacityHeadroomMetrics.class);
    /** Lazy: it needs the database, whose pool needs the meter registry that binds this. */
    private final BeanProvider<CapacityHeadroom> headroom;
    private final Clock clock;
    /** Values × 1,000,000 keyed "name/region/resource": gauges read them, the timer writes them. */
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public CapacityHeadroomMetrics(BeanProvider<CapacityHeadroom> headroom, Clock clock) {
        this.headroom = headroom;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Region region : Region.values()) {
            String r = MetricLabels.of(region);
            for (Load.Resource resource : Load.Resource.values()) {
                String res = MetricLabels.of(resource);
                gauge(registry, "hoinghi.capacity.headroom.ratio", "Share of the region's fleet still free at the "
                        + "busiest moment of the next 2 h", "headroom", r, res, 1_000_000);
                gauge(registry, "hoinghi.capacity.offered", "What the region's fleet offers to admission now",
                        "offered", r, res, 0);
                gauge(registry, "hoinghi.capacity.reserved.peak", "Largest reservation total in the next 2 h",
                        "peak", r, res, 0);
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String help, String key, String region, String resource,
                       long initial) {
        AtomicLong v = value(key, region, resource);
        v.set(initial);
        Gauge.builder(name, v, x -> x.get() / 1_000_000.0).description(help)
                .tags("region", region, "resource", resource).register(registry);
    }

    @Scheduled(fixedDelay = "${hoinghi.monitoring.refresh:15s}", initialDelay = "1s")
    void refresh() {
        try {
            Instant from = clock.instant();
            for (CapacityHeadroom.Usage u : headroom.get().between(from, from.plus(AHEAD))) {
                String r = MetricLabels.of(u.region());
                for (Load.Resource resource : Load.Resource.values()) {
                    String res = MetricLabels.of(resource);
                    long have = u.offered().get(resource);
                    set("offered", r, res, have);
                    set("peak", r, res, u.peak() == null ? have : u.peak().get(resource));
                    set("headroom", r, res, u.headroom(resource));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("capacity headroom not refreshed: {}", e.toString());
        }
    }

    private void set(String key, String region, String resource, double v) {
        value(key, region, resource).set(Math.round(v * 1_000_000));
    }

    private AtomicLong value(String key, String region, String resource) {
        return values.computeIfAbsent(key + "/" + region + "/" + resource, k -> new AtomicLong());
    }
}
