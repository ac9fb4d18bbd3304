package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetYaml;

/** HOCON output read back with Typesafe Config, the parser Jicofo, JVB and Jibri use, under Jitsi's key names. */
class HoconRoundTripTest {
    static SortedMap<String, String> files;

    @BeforeAll
    static void render() throws Exception {
        files = new FleetRenderer(CapacityModel.defaults()).render(FleetYaml.read(Path.of("examples/fleet.yaml")));
    }

    private static Config parse(String path) {
        // resolve(): ${?VAR} secrets left unset disappear, exactly as on a host without the variable.
        return ConfigFactory.parseString(files.get(path)).resolve();
    }

    @Test
    void jicofoKeepsJicofoKeyNamesAndTheModelsFigures() {
        Config c = parse("jicofo/s1/jicofo.conf");
        assertThat(c.getString("jicofo.bridge.brewery-jid")).isEqualTo("JvbBrewery@internal.auth.meet.hoinghi.gov.vn");
        assertThat(c.getInt("jicofo.bridge.max-bridge-participants")).isEqualTo(80);
        assertThat(c.getDouble("jicofo.bridge.stress-threshold")).isEqualTo(0.8);
        assertThat(c.getString("jicofo.jibri-sip.brewery-jid")).startsWith("JibriSipBrewery@");
        assertThat(c.getString("jicofo.jigasi.brewery-jid")).startsWith("JigasiBrewery@");
        assertThat(c.getDuration("jicofo.conference.initial-timeout").toSeconds()).isEqualTo(15);
        assertThat(c.getInt("jicofo.visitors.max-participants")).isEqualTo(50);
        assertThat(c.getInt("jicofo.visitors.max-visitors-per-node")).isEqualTo(500);
        assertThat(c.getString("jicofo.xmpp.client.client-proxy")).isEqualTo("focus.meet.hoinghi.gov.vn");
        assertThat(c.getStringList("jicofo.xmpp.trusted-domains")).containsExactly("recorder.meet.hoinghi.gov.vn");
        assertThat(c.getString("jicofo.xmpp.client.hostname")).isEqualTo("s1.xmpp.meet.hoinghi.gov.vn");
        assertThat(c.getString("jicofo.local-region")).isEqualTo("North");
        assertThat(c.getString("jicofo.bridge.selection-strategy")).isEqualTo("VisitorSelectionStrategy");
        assertThat(c.getString("jicofo.bridge.topology-strategy")).isEqualTo("VisitorTopologyStrategy");
        assertThat(c.hasPath("jicofo.xmpp.client.password")).isFalse();
    }

    @Test
    void eachJicofoKnowsOnlyItsShardsVisitorNodesUnderJitsiMeetsNames() {
        assertThat(parse("jicofo/s1/jicofo.conf").getConfig("jicofo.xmpp.visitors").root().keySet())
                .containsExactlyInAnyOrder("v1", "v3");
        Config v2 = parse("jicofo/s2/jicofo.conf").getConfig("jicofo.xmpp.visitors.v2");
        assertThat(parse("jicofo/s2/jicofo.conf").getConfig("jicofo.xmpp.visitors").root().keySet())
                .containsExactly("v2");
        assertThat(v2.getBoolean("enabled")).isTrue();
        assertThat(v2.getString("conference-service")).isEqualTo("conference.v2.meet.jitsi");
        assertThat(v2.getString("xmpp-domain")).isEqualTo("v2.meet.jitsi");
        // Focus logs in to the visitor node's copy of the main auth domain, with the main password.
        assertThat(v2.getString("domain")).isEqualTo("auth.meet.hoinghi.gov.vn");
        assertThat(v2.getString("hostname")).isEqualTo("prosody-v2.meet.hoinghi.gov.vn");
        assertThat(v2.getInt("port")).isEqualTo(5222);
    }

    @Test
    void everyBridgeHasItsRegionRelayIdBreweryAndPacketRateLoad() {
        List<String> bridges = files.keySet().stream().filter(p -> p.startsWith("jvb/")).toList();
        assertThat(bridges).hasSize(7);
        Config c = parse("jvb/jvb-central-2/jvb.conf");
        assertThat(c.getString("videobridge.relay.region")).isEqualTo("Central");
        assertThat(c.getString("videobridge.relay.relay-id")).isEqualTo("jvb-central-2");
        assertThat(c.getBoolean("videobridge.relay.enabled")).isTrue();
        Config xmpp = c.getConfig("videobridge.apis.xmpp-client.configs.hoinghi");
        assertThat(xmpp.getString("muc_jids")).isEqualTo("JvbBrewery@internal.auth.meet.hoinghi.gov.vn");
        // Central's second bridge belongs to shard s2 and logs in to that shard's Prosody only.
        assertThat(xmpp.getString("hostname")).isEqualTo("s2.xmpp.meet.hoinghi.gov.vn");
        assertThat(xmpp.getString("muc_nickname")).isEqualTo("jvb-central-2");
        assertThat(c.getString("videobridge.load-management.load-measurements.load-measurement"))
                .isEqualTo("packet-rate");
        assertThat(c.getInt("videobridge.load-management.load-measurements.packet-rate.load-threshold"))
                .isEqualTo(50_000);
        assertThat(c.getInt("videobridge.load-management.load-measurements.packet-rate.recovery-threshold"))
                .isEqualTo(40_000);
        assertThat(c.getInt("videobridge.load-management.conference-last-n-limits.90")).isEqualTo(2);
    }

    @Test
    void theDrainRestIsOnAndThePrivateRestStaysOnTheInternalAddress() {
        // RestConfig.kt: RestApis.DRAIN is enabled by videobridge.rest.drain.enabled; Main.kt binds the private
        // server (JettyBundleActivatorConfig "videobridge.http-servers.private") to its host.
        Config c = parse("jvb/jvb-north-1/jvb.conf");
        assertThat(c.getBoolean("videobridge.rest.drain.enabled")).isTrue();
        assertThat(c.getString("videobridge.http-servers.private.host")).as("no variable: loopback")
                .isEqualTo("127.0.0.1");
        // The variable as a fallback at the root, where the JVB's ConfigFactory finds the environment (resolveWith
        // cannot replace a value overridden in the same file: Typesafe Config's "replace in parent not possible").
        Config deployed = ConfigFactory.parseString(files.get("jvb/jvb-north-1/jvb.conf"))
                .withFallback(ConfigFactory.parseMap(Map.of("JVB_PRIVATE_HOST", "10.0.1.5"))).resolve();
        assertThat(deployed.getString("videobridge.http-servers.private.host")).isEqualTo("10.0.1.5");
    }

    @Test
    void aSetEnvironmentVariableIsWhatTheServiceSees() {
        Config withSecret = ConfigFactory.parseString(files.get("jicofo/s1/jicofo.conf"))
                .resolveWith(ConfigFactory.parseMap(Map.of("JICOFO_AUTH_PASSWORD", "from-env")));
        assertThat(withSecret.getString("jicofo.xmpp.client.password")).isEqualTo("from-env");
    }
}
