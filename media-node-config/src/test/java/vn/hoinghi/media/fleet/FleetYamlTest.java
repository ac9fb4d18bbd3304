package vn.hoinghi.media.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.yaml.ConfigException;

class FleetYamlTest {
    static String example() throws Exception {
        return Files.readString(Path.of("examples/fleet.yaml"));
    }

    @Test
    void theExampleFleetHasThreeRegionsAndOnlySecretReferences() throws Exception {
        FleetSpec f = FleetYaml.parse("fleet.yaml", example());
        assertThat(f.regions()).extracting(RegionSpec::name).containsExactly("North", "Central", "South");
        assertThat(f.regions().get(0).bridges()).isEqualTo(3);
        assertThat(f.secret("jwtAppSecret").envVar()).isEqualTo("HOINGHI_JWT_APP_SECRET");
        assertThat(f.orchestratorJid()).isEqualTo("hoinghi@recorder.meet.hoinghi.gov.vn");
        assertThat(f.visitorNodeCount()).isEqualTo(3);
    }

    @Test
    void aRegionOfTheFleetFileIsWhatAdmissionChecksAgainst() throws Exception {
        RegionSpec north = FleetYaml.parse("fleet.yaml", example()).regions().get(0);
        assertThat(north.asFleet().offered(vn.hoinghi.media.capacity.CapacityModel.defaults()))
                .isEqualTo(new vn.hoinghi.media.capacity.Load(120_000, 500, 2, 10));
    }

    @Test
    void anInlineSecretIsRefusedWithLineAndFieldAndIsNotEchoed() throws Exception {
        String text = example().replace("jvbPassword: env:JVB_AUTH_PASSWORD", "jvbPassword: hunter2");
        assertThatThrownBy(() -> FleetYaml.parse("fleet.yaml", text))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("fleet.yaml:" + lineOf(text, "jvbPassword") + ": secrets.jvbPassword: ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        String text = example().replaceFirst("bridges: 2", "bridges: two");
        ConfigException e = catchConfig(text);
        assertThat(e.field()).isEqualTo("regions[1].bridges");
        assertThat(e.line()).isEqualTo(lineOf(text, "bridges: two"));
        assertThat(e.getMessage()).contains("expected a whole number, got 'two'");
    }

    @Test
    void aMisspeltKeyIsAnErrorNotADefault() throws Exception {
        String text = example().replace("visitorNodes: 1\n    jibriSip: 2", "visitorNode: 1\n    jibriSip: 2");
        ConfigException e = catchConfig(text);
        assertThat(e.field()).isEqualTo("regions[0].visitorNode");
        assertThat(e.getMessage()).contains("unknown key");
    }

    @Test
    void brokenYamlSyntaxGivesTheLine() {
        ConfigException e = catchConfig("domain: meet.example\nregions:\n  - name: [North\n");
        assertThat(e.line()).isGreaterThanOrEqualTo(3);
        assertThat(e.getMessage()).startsWith("fleet.yaml:").contains("not valid YAML");
    }

    @Test
    void aMissingSectionIsNamed() {
        ConfigException e = catchConfig("domain: meet.example\n");
        assertThat(e.field()).isEqualTo("orchestrator");
        assertThat(e.getMessage()).isEqualTo("fleet.yaml:1: orchestrator: missing");
    }

    private static ConfigException catchConfig(String text) {
        try {
            FleetYaml.parse("fleet.yaml", text);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in text");
    }
}
