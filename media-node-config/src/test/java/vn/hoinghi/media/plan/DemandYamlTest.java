package vn.hoinghi.media.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.VideoLayer;
import vn.hoinghi.media.yaml.ConfigException;

class DemandYamlTest {
    @Test
    void theExampleDemandHasTimesLayersAndOverrides() throws Exception {
        DemandFile f = DemandYaml.parse("demand.yaml", Files.readString(Path.of("examples/demand.yaml")));
        assertThat(f.meetings()).hasSize(3);
        assertThat(f.bookings()).hasSize(3);
        assertThat(f.capacity()).containsEntry("callsPerJigasi", "10");
        assertThat(f.meetings().get(1).stageLayer()).isEqualTo(VideoLayer.SD);
        // 40 sites, last-N 20: 19 forwarded streams, 18 thumbnails × 200 kbps already exceed 1 Mbps.
        assertThat(f.meetings().get(2).stageLayer()).isEqualTo(VideoLayer.LD);
        assertThat(f.prepare().toMinutes()).isEqualTo(15);
    }

    @Test
    void aSiteNetworkProfileChoosesTheLayer() {
        String small = "meetings:\n  - name: m\n    host: North\n    sites: { North: 4 }\n    downlinkKbps: 2500\n";
        assertThat(DemandYaml.parse("d.yaml", small).meetings().get(0).stageLayer()).isEqualTo(VideoLayer.HD);
    }

    @Test
    void anEndBeforeTheStartOrABadOverrideIsLocated() {
        String text = "meetings:\n  - name: m\n    host: North\n    sites: { North: 4 }\n"
                + "    start: 2026-12-01T10:00:00+07:00\n    end: 2026-12-01T09:00:00+07:00\n";
        assertThatThrownBy(() -> DemandYaml.parse("d.yaml", text)).isInstanceOf(ConfigException.class)
                .hasMessage("d.yaml:6: meetings[0].end: m: a booking ends after it starts");
        assertThatThrownBy(() -> DemandYaml.parse("d.yaml", "capacity:\n  audioPps: loud\nmeetings: []\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("d.yaml:2: capacity: ")
                .hasMessageContaining("audioPps");
    }
}
