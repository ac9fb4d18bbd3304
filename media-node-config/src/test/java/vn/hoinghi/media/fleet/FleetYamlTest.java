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
    void bridgesAndVisitorNodesAreSpreadOverTheShards() throws Exception {
        FleetSpec f = FleetYaml.parse("fleet.yaml", example());
        assertThat(f.shards()).extracting(ShardSpec::name).containsExactly("s1", "s2");
        // Every shard has a bridge in every region; North's third bridge goes back to s1.
        assertThat(f.bridges()).extracting(b -> b.id() + "@" + b.shard().name()).containsExactly(
                "jvb-north-1@s1", "jvb-north-2@s2", "jvb-north-3@s1", "jvb-central-1@s1", "jvb-central-2@s2",
                "jvb-south-1@s1", "jvb-south-2@s2");
        assertThat(f.visitorNodes()).extracting(v -> v.id() + "@" + v.shard().name() + "/" + v.region())
                .containsExactly("v1@s1/North", "v2@s2/Central", "v3@s1/South");
        // jitsi-meet's mod_visitors addresses a node only as conference.<vnode>.meet.jitsi.
        assertThat(f.visitorNodes().get(1).mucDomain()).isEqualTo("conference.v2.meet.jitsi");
    }

    @Test
    void withoutShardsTheTopXmppHostIsTheOneShard() throws Exception {
        String text = example().replaceAll("(?ms)^shards:.*?xmppHost: s2\\.xmpp\\.meet\\.hoinghi\\.gov\\.vn\n",
                "xmppHost: xmpp.meet.hoinghi.gov.vn\n");
        FleetSpec f = FleetYaml.parse("fleet.yaml", text);
        assertThat(f.shards()).containsExactly(new ShardSpec("s1", "North", "xmpp.meet.hoinghi.gov.vn"));
        assertThat(f.visitorNodes()).allMatch(v -> v.shard().name().equals("s1"));
    }

    @Test
    void aShardWithoutABridgeInSomeRegionIsRefusedAtTheShardsList() throws Exception {
        String text = example().replace("    xmppHost: s2.xmpp.meet.hoinghi.gov.vn\n",
                "    xmppHost: s2.xmpp.meet.hoinghi.gov.vn\n  - name: s3\n    region: Central\n"
                        + "    xmppHost: s3.xmpp.meet.hoinghi.gov.vn\n");
        ConfigException e = catchConfig(text);
        assertThat(e.field()).isEqualTo("shards");
        assertThat(e.getMessage()).contains("region Central has 2 bridge(s) for 3 shards");
    }

    @Test
    void aTopXmppHostBesideShardsIsAmbiguousAndRefused() throws Exception {
        ConfigException e = catchConfig(
                example().replace("shards:\n", "xmppHost: xmpp.meet.hoinghi.gov.vn\nshards:\n"));
        assertThat(e.field()).isEqualTo("xmppHost");
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
