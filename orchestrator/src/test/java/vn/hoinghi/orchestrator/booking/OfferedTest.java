package vn.hoinghi.orchestrator.booking;

import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfferedTest {
    private final List<MediaNode> nodes = new ArrayList<>();
    private final FleetRegistry fleet = new FleetRegistry() {
        @Override
        public List<MediaNode> nodes() {
            return List.copyOf(nodes);
        }

        @Override
        public void setStatus(String id, MediaNode.Status status) {
            nodes.replaceAll(n -> n.id().equals(id) ? new MediaNode(n.id(), n.kind(), n.region(), status, n.stress(),
                    n.conferences(), n.participants(), n.draining(), n.gracefulShutdown(), n.version(), n.busy(),
                    n.lastSeen()) : n);
        }
    };
    private final Offered offered;

    OfferedTest() {
        RegionFleetConfig north = new RegionFleetConfig("NORTH");
        north.setBridges(8);
        north.setVisitorNodes(2);
        north.setJibriSip(40);
        north.setJigasi(4);
        offered = new Offered(List.of(north), fleet,
                new MeetingCapacity(CapacityModel.defaults(), Clock.systemUTC(), Duration.ZERO, Duration.ZERO));
    }

    private static MediaNode node(String id, MediaNode.Kind kind, String region, boolean draining) {
        return new MediaNode(id, kind, region, MediaNode.Status.ENABLED, 0.1, 0, 0, draining, false, "2.3", false,
                Instant.EPOCH);
    }

    @Test
    void theConfiguredFleetStandsInUntilTheBreweriesAreSeen() {
        assertThat(offered.of("NORTH").pps()).isEqualTo(8 * 40_000);
        assertThat(offered.of("NORTH").videoGateways()).isEqualTo(40);
        assertThat(offered.of("SOUTH").pps()).isZero();
    }

    @Test
    void theLiveFleetCountsOnlyEnabledNodesThatAreNotDraining() {
        nodes.add(node("jvb1", MediaNode.Kind.JVB, "north", false));
        nodes.add(node("jvb2", MediaNode.Kind.JVB, "north", false));
        nodes.add(node("jvb3", MediaNode.Kind.JVB, "north", true));
        nodes.add(node("jvb4", MediaNode.Kind.JVB, "south", false));
        nodes.add(node("jibri1", MediaNode.Kind.JIBRI_SIP, "north", false));
        assertThat(offered.of("NORTH").pps()).isEqualTo(2 * 40_000);
        assertThat(offered.of("NORTH").videoGateways()).isEqualTo(1);
        assertThat(offered.of("NORTH").audioCalls()).as("no Jigasi seen yet: configured")
                .isEqualTo(4L * CapacityModel.defaults().callsPerJigasi());
        assertThat(offered.of("NORTH").visitorSlots()).as("visitor nodes stay configured").isEqualTo(1000);
        fleet.setStatus("jvb2", MediaNode.Status.CORDONED);
        assertThat(offered.of("NORTH").pps()).as("a cordoned bridge takes no new bookings").isEqualTo(40_000);
    }

    @Test
    void jibrisNameNoRegionSoTheUsableOnesAreSharedInProportionToTheConfiguration() {
        RegionFleetConfig north = new RegionFleetConfig("NORTH");
        north.setJibriSip(30);
        RegionFleetConfig south = new RegionFleetConfig("SOUTH");
        south.setJibriSip(10);
        Offered shared = new Offered(List.of(north, south), fleet,
                new MeetingCapacity(CapacityModel.defaults(), Clock.systemUTC(), Duration.ZERO, Duration.ZERO));
        for (int i = 0; i < 20; i++) {
            nodes.add(node("jibri" + i, MediaNode.Kind.JIBRI_SIP, null, false));
        }
        assertThat(shared.of("NORTH").videoGateways()).isEqualTo(15);
        assertThat(shared.of("SOUTH").videoGateways()).isEqualTo(5);
        nodes.add(node("jibri-draining", MediaNode.Kind.JIBRI_SIP, null, true));
        assertThat(shared.of("NORTH").videoGateways()).as("a draining Jibri adds nothing").isEqualTo(15);
    }
}
