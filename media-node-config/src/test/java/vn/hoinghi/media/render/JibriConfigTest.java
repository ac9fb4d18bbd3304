package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetYaml;

/**
 * jibri.conf read the way Jibri reads it: Typesafe Config (under jitsi-metaconfig), environment substitutions
 * resolved, then {@code jibri.api.xmpp.environments} turned into environments with exactly the getters of jibri's
 * {@code JibriConfig.kt} ({@code toXmppEnvironment}, {@code toXmppCredentials}, {@code toXmppMuc}): a missing path
 * or a wrong type throws here as it would when Jibri starts.
 */
class JibriConfigTest {
    private static final Map<String, String> ENV = Map.of("JIBRI_XMPP_PASSWORD", "control-secret",
            "JIBRI_RECORDER_PASSWORD", "recorder-secret");
    static SortedMap<String, String> files;

    @BeforeAll
    static void render() throws Exception {
        files = new FleetRenderer(CapacityModel.defaults()).render(FleetYaml.read(Path.of("examples/fleet.yaml")));
    }

    /** What jibri's JibriConfig.kt builds from one entry, field by field with the same getters. */
    record Environment(String name, List<String> hosts, String xmppDomain, Login control, Muc controlMuc,
                       Muc sipControlMuc, Login call, String strip, long usageTimeoutMinutes, boolean trustAll) {
        static Environment of(Config c) {
            return new Environment(c.getString("name"), c.getStringList("xmpp-server-hosts"),
                    c.getString("xmpp-domain"), Login.of(c.getConfig("control-login")),
                    Muc.of(c.getConfig("control-muc")),
                    c.hasPath("sip-control-muc") ? Muc.of(c.getConfig("sip-control-muc")) : null,
                    Login.of(c.getConfig("call-login")), c.getString("strip-from-room-domain"),
                    c.getDuration("usage-timeout").toMinutes(), c.getBoolean("trust-all-xmpp-certs"));
        }
    }

    record Login(String domain, String username, String password) {
        static Login of(Config c) {
            return new Login(c.getString("domain"), c.getString("username"), c.getString("password"));
        }
    }

    record Muc(String domain, String roomName, String nickname) {
        static Muc of(Config c) {
            return new Muc(c.getString("domain"), c.getString("room-name"), c.getString("nickname"));
        }
    }

    private static Config load(String path, Map<String, String> env) {
        return ConfigFactory.parseString(files.get(path)).resolveWith(ConfigFactory.parseMap(env));
    }

    @Test
    void everyJibriHasOneEnvironmentPerShardWithEveryPathJibriReads() {
        List<String> jibris = files.keySet().stream().filter(p -> p.endsWith("jibri.conf")).toList();
        assertThat(jibris).hasSize(4);
        for (String path : jibris) {
            Config c = load(path, ENV);
            String id = c.getString("jibri.id");
            List<Environment> envs = c.getConfigList("jibri.api.xmpp.environments").stream()
                    .map(Environment::of).toList();

            assertThat(envs).extracting(Environment::hosts).containsExactly(
                    List.of("s1.xmpp.meet.hoinghi.gov.vn"), List.of("s2.xmpp.meet.hoinghi.gov.vn"));
            for (Environment e : envs) {
                assertThat(e.xmppDomain()).isEqualTo("meet.hoinghi.gov.vn");
                assertThat(e.control()).isEqualTo(new Login("auth.meet.hoinghi.gov.vn", "jibri", "control-secret"));
                assertThat(e.sipControlMuc()).isEqualTo(
                        new Muc("internal.auth.meet.hoinghi.gov.vn", "JibriSipBrewery", id));
                assertThat(e.controlMuc().roomName()).isEqualTo("JibriBrewery");
                // The web client hides the hidden domain's occupants: the room system's Jibri stays invisible.
                assertThat(e.call())
                        .isEqualTo(new Login("recorder.meet.hoinghi.gov.vn", "recorder", "recorder-secret"));
                assertThat(e.strip()).isEqualTo("conference.");
                assertThat(e.usageTimeoutMinutes()).isZero();
                assertThat(e.trustAll()).isFalse();
            }
        }
    }

    @Test
    void anUnsetPasswordVariableStopsJibriInsteadOfLoggingInWithoutOne() {
        Config c = load("jibri/jibri-south-1/jibri.conf", Map.of("JIBRI_RECORDER_PASSWORD", "x"));
        Config env = c.getConfigList("jibri.api.xmpp.environments").get(0);
        assertThatThrownBy(() -> Environment.of(env)).isInstanceOf(ConfigException.Missing.class)
                .hasMessageContaining("password");
    }
}
