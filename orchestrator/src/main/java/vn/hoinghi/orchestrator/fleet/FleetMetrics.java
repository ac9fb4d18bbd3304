package vn.hoinghi.orchestrator.fleet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.metrics.MetricLabels;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The fleet as HoiNghi sees it from brewery presence, by region and kind: {@code hoinghi_fleet_nodes{status}},
 * the highest stress of a reachable node, participants, conferences and busy nodes (a Jibri whose busy-status is
 * busy; a Jigasi or bridge with at least one conference). Read from the registry at each scrape, so there is no
 * second copy of the fleet to go stale. Every (region, kind) series exists from start-up, at 0 without XMPP.
 */
@Singleton
public class FleetMetrics implements MeterBinder {
    /** Lazy: the registry needs the database, whose pool needs the meter registry that binds this. */
    private final BeanProvider<FleetRegistry> fleet;

    public FleetMetrics(BeanProvider<FleetRegistry> fleet) {
        this.fleet = fleet;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String region : MetricLabels.REGIONS) {
            for (MediaNode.Kind kind : MediaNode.Kind.values()) {
                String k = MetricLabels.of(kind);
                for (MediaNode.Status status : MediaNode.Status.values()) {
                    Gauge.builder("hoinghi.fleet.nodes", this,
                                    m -> m.nodes(region, kind).filter(n -> n.status() == status).count())
                            .description("Media nodes seen in the breweries, by HoiNghi lifecycle status")
                            .tags("region", region, "kind", k, "status", status.name()).register(registry);
                }
                gauge(registry, "hoinghi.fleet.stress.max", "Highest stress level of a reachable node (0..1)",
                        region, kind, n -> n.status() != MediaNode.Status.LOST,
                        s -> s.mapToDouble(MediaNode::stress).max().orElse(0));
                gauge(registry, "hoinghi.fleet.participants", "Participants on the reachable nodes",
                        region, kind, n -> n.status() != MediaNode.Status.LOST,
                        s -> s.mapToDouble(MediaNode::participants).sum());
                gauge(registry, "hoinghi.fleet.conferences", "Conferences on the reachable nodes",
                        region, kind, n -> n.status() != MediaNode.Status.LOST,
                        s -> s.mapToDouble(MediaNode::conferences).sum());
                gauge(registry, "hoinghi.fleet.busy.nodes", "Reachable nodes carrying work (Jibri busy, others "
                        + "with a conference)", region, kind, FleetMetrics::busy, s -> s.count());
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String help, String region, MediaNode.Kind kind,
                       Predicate<MediaNode> which, ToDoubleFunction<Stream<MediaNode>> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.nodes(region, kind).filter(which)))
                .description(help).tags("region", region, "kind", MetricLabels.of(kind)).register(registry);
    }

    private static boolean busy(MediaNode n) {
        if (n.status() == MediaNode.Status.LOST) {
            return false;
        }
        return n.kind() == MediaNode.Kind.JIBRI || n.kind() == MediaNode.Kind.JIBRI_SIP ? n.busy() : n.conferences() > 0;
    }

    private Stream<MediaNode> nodes(String region, MediaNode.Kind kind) {
        return fleet.get().nodes().stream().filter(n -> n.kind() == kind && MetricLabels.region(n.region()).equals(region));
    }
}
