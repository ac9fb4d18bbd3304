package vn.hoinghi.orchestrator.demo;

import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.booking.RegionFleetConfig;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Kind;
import vn.hoinghi.orchestrator.provisioning.MediaNode.Status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoFleetTest {
    private final List<MediaNode> lost = new ArrayList<>();
    private final DemoFleet fleet = new DemoFleet(List.of(region("SOUTH", 3, 1), region("NORTH", 4, 2)),
            Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC), (node, why) -> lost.add(node));

    @Test
    void listsTheConfiguredBridgesAndJigasisWithOneBridgeOfTheLastRegionLost() {
        List<MediaNode> nodes = fleet.nodes();
        assertThat(nodes).filteredOn(n -> n.kind() == Kind.JVB && n.region().equals("NORTH")).hasSize(4)
                .allMatch(n -> n.status() == Status.ENABLED);
        assertThat(nodes).filteredOn(n -> n.kind() == Kind.JVB && n.region().equals("SOUTH")).hasSize(3);
        assertThat(nodes).filteredOn(n -> n.kind() == Kind.JIGASI).hasSize(3);
        assertThat(nodes).filteredOn(n -> n.status() == Status.LOST).extracting(MediaNode::id)
                .containsExactly("jvb-south-3");
        assertThat(nodes).allMatch(n -> n.version().equals(DemoFleet.VERSION));
        fleet.onStartup(null);
        assertThat(lost).extracting(MediaNode::id).as("reported as an alert").containsExactly("jvb-south-3");
    }

    @Test
    void operatorStatesChangeTheListButLostIsOnlyObservedAsInTheBreweryRegistry() {
        fleet.setStatus("jvb-north-2", Status.CORDONED);
        assertThat(fleet.nodes()).filteredOn(n -> n.id().equals("jvb-north-2")).extracting(MediaNode::status)
                .containsExactly(Status.CORDONED);
        fleet.setStatus("jvb-north-2", Status.ENABLED);
        assertThat(fleet.nodes()).filteredOn(n -> n.status() == Status.CORDONED).isEmpty();
        assertThatThrownBy(() -> fleet.setStatus("jvb-north-9", Status.CORDONED))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> fleet.setStatus("jvb-north-1", Status.LOST))
                .isInstanceOf(IllegalArgumentException.class);
        fleet.setStatus("jvb-south-3", Status.DISABLED);
        assertThat(fleet.nodes()).filteredOn(n -> n.id().equals("jvb-south-3")).extracting(MediaNode::status)
                .as("still LOST: only silence ending changes that").containsExactly(Status.LOST);
    }

    private static RegionFleetConfig region(String name, int bridges, int jigasi) {
        RegionFleetConfig c = new RegionFleetConfig(name);
        c.setBridges(bridges);
        c.setJigasi(jigasi);
        c.setJibriSip(10);
        return c;
    }
}
