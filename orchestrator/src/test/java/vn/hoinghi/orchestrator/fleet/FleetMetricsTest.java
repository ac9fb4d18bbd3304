package vn.hoinghi.orchestrator.fleet;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fleet dashboard and the stress / node-lost alerts read, from the nodes the breweries report. */
class FleetMetricsTest {
    private static MediaNode node(String id, MediaNode.Kind kind, String region, MediaNode.Status status,
                                  double stress, int conferences, int participants, boolean busy) {
        return new MediaNode(id, kind, region, status, stress, conferences, participants, false, false, "2.3",
                busy, Instant.EPOCH);
    }

    @Test
    void aggregatesByRegionAndKindWithLostNodesOnlyCounted() {
        List<MediaNode> nodes = List.of(
                node("jvb1", MediaNode.Kind.JVB, "north", MediaNode.Status.ENABLED, 0.85, 2, 40, false),
                node("jvb2", MediaNode.Kind.JVB, "NORTH", MediaNode.Status.CORDONED, 0.30, 1, 10, false),
                node("jvb3", MediaNode.Kind.JVB, "north", MediaNode.Status.LOST, 0.99, 5, 90, false),
                node("jibri1", MediaNode.Kind.JIBRI_SIP, null, MediaNode.Status.ENABLED, 0, 0, 0, true),
                node("jigasi1", MediaNode.Kind.JIGASI, "mars", MediaNode.Status.ENABLED, 0.1, 1, 3, false));
        FleetRegistry fleet = new FleetRegistry() {
            @Override
            public List<MediaNode> nodes() {
                return nodes;
            }

            @Override
            public void setStatus(String id, MediaNode.Status status) {
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new FleetMetrics(() -> fleet).bindTo(registry);

        assertThat(gauge(registry, "hoinghi.fleet.stress.max", "north", "jvb")).isEqualTo(0.85);
        assertThat(gauge(registry, "hoinghi.fleet.participants", "north", "jvb")).isEqualTo(50);
        assertThat(registry.get("hoinghi.fleet.nodes").tags("region", "north", "kind", "jvb", "status", "LOST")
                .gauge().value()).isEqualTo(1);
        assertThat(gauge(registry, "hoinghi.fleet.busy.nodes", "unknown", "jibri_sip")).isEqualTo(1);
        assertThat(gauge(registry, "hoinghi.fleet.busy.nodes", "unknown", "jigasi")).isEqualTo(1);
        assertThat(gauge(registry, "hoinghi.fleet.stress.max", "south", "jvb")).isZero();
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String region, String kind) {
        return registry.get(name).tags("region", region, "kind", kind).gauge().value();
    }
}
