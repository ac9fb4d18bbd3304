package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetYaml;

/**
 * Jigasi's two files read as Jigasi reads them: sip-communicator.properties through {@link Properties} (jitsi's
 * ConfigurationService loads it so), after the deploy step's envsubst; jigasi.conf through Typesafe Config. The
 * property names checked are those jigasi's sources read (README, "Jigasi"): a renamed key fails here.
 */
class JigasiConfigTest {
    private static final String JABBER = "net.java.sip.communicator.impl.protocol.jabber.";
    private static final String SIP = "net.java.sip.communicator.impl.protocol.sip.";
    private static final Map<String, String> ENV = Map.of("JIGASI_XMPP_PASSWORD", "xmpp-secret",
            "JIGASI_XMPP_PASSWORD_BASE64", b64("xmpp-secret"), "JIGASI_SIP_PASSWORD_BASE64", b64("sip-secret"));
    static SortedMap<String, String> files;

    @BeforeAll
    static void render() throws Exception {
        files = new FleetRenderer(CapacityModel.defaults()).render(FleetYaml.read(Path.of("examples/fleet.yaml")));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** envsubst as the deploy step runs it: every ${VAR} replaced, an unknown one left for the test to catch. */
    private static Properties load(String path) throws Exception {
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(files.get(path));
        String text = m.replaceAll(r -> Matcher.quoteReplacement(ENV.getOrDefault(r.group(1), r.group())));
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void oneControlAccountPerShardJoinsThatShardsBreweryAndRoutesItsCallsThere() throws Exception {
        Properties p = load("jigasi/jigasi-central/sip-communicator.properties");
        // jitsi's account loader: a key "<prefix><id>" whose value is the id starts an account.
        List<String> accounts = p.stringPropertyNames().stream()
                .filter(k -> k.startsWith(JABBER) && k.substring(JABBER.length()).indexOf('.') < 0).sorted().toList();
        assertThat(accounts).containsExactly(JABBER + "acc-s1", JABBER + "acc-s2");
        for (String shard : List.of("s1", "s2")) {
            String a = JABBER + "acc-" + shard + ".";
            String host = shard + ".xmpp.meet.hoinghi.gov.vn";
            assertThat(p.getProperty(a + "ACCOUNT_UID")).isEqualTo("Jabber:jigasi@auth.meet.hoinghi.gov.vn@" + shard);
            assertThat(p.getProperty(a + "USER_ID")).isEqualTo("jigasi@auth.meet.hoinghi.gov.vn");
            assertThat(p.getProperty(a + "SERVER_ADDRESS")).isEqualTo(host);
            // CallControlMucActivator only takes XMPP accounts that have BREWERY.
            assertThat(p.getProperty(a + "BREWERY")).isEqualTo("JigasiBrewery@internal.auth.meet.hoinghi.gov.vn");
            assertThat(p.getProperty(a + "DOMAIN_BASE")).isEqualTo("meet.hoinghi.gov.vn");
            assertThat(p.getProperty(a + "BOSH_URL_PATTERN"))
                    .isEqualTo("https://" + host + "/http-bind?room={roomName}");
            assertThat(decode(p.getProperty(a + "PASSWORD"))).isEqualTo("xmpp-secret");
        }
        assertThat(p.getProperty("org.jitsi.jigasi.LOCAL_REGION")).isEqualTo("Central");
        assertThat(p.getProperty("org.jitsi.jigasi.MUC_SERVICE_ADDRESS")).isEqualTo("conference.meet.hoinghi.gov.vn");
        assertThat(p.getProperty("org.jitsi.jigasi.xmpp.acc.USER_ID")).isEqualTo("jigasi@auth.meet.hoinghi.gov.vn");
        // The per-call password is read raw by JvbConference, not through the credentials storage.
        assertThat(p.getProperty("org.jitsi.jigasi.xmpp.acc.PASS")).isEqualTo("xmpp-secret");
    }

    @Test
    void theSipAccountRegistersWithTheMinistrysRegistrar() throws Exception {
        Properties p = load("jigasi/jigasi-north/sip-communicator.properties");
        assertThat(p.getProperty(SIP + "acc1")).isEqualTo("acc1");
        assertThat(p.getProperty(SIP + "acc1.ACCOUNT_UID")).isEqualTo("SIP:jigasi@sip.moj.gov.vn");
        assertThat(p.getProperty(SIP + "acc1.PROTOCOL_NAME")).isEqualTo("SIP");
        assertThat(p.getProperty(SIP + "acc1.SERVER_ADDRESS")).isEqualTo("sip.moj.gov.vn");
        assertThat(decode(p.getProperty(SIP + "acc1.PASSWORD"))).isEqualTo("sip-secret");
        assertThat(p.getProperty(SIP + "acc1.JITSI_MEET_ROOM_HEADER_NAME")).isEqualTo("JvbRoomName");
        assertThat(p.stringPropertyNames()).allMatch(k -> !p.getProperty(k).contains("${"), "every ${VAR} filled");
    }

    @Test
    void onlyKeysJigasiReadsAreWritten() throws Exception {
        Properties p = load("jigasi/jigasi-south/sip-communicator.properties");
        Pattern account = Pattern.compile(
                "net\\.java\\.sip\\.communicator\\.impl\\.protocol\\.(jabber|sip)\\.acc[-a-z0-9]*"
                + "(\\.(ACCOUNT_UID|USER_ID|IS_SERVER_OVERRIDDEN|SERVER_ADDRESS|SERVER_PORT|PASSWORD|BREWERY"
                + "|DOMAIN_BASE|BOSH_URL_PATTERN|PROTOCOL_NAME|JITSI_MEET_ROOM_HEADER_NAME))?");
        Pattern jigasi = Pattern.compile("org\\.jitsi\\.jigasi\\.(MUC_SERVICE_ADDRESS|LOCAL_REGION"
                + "|xmpp\\.acc\\.(USER_ID|PASS|ANONYMOUS_AUTH|VIDEO_CALLING_DISABLED))");
        assertThat(p.stringPropertyNames())
                .allMatch(k -> account.matcher(k).matches() || jigasi.matcher(k).matches(), "a key Jigasi reads");
    }

    @Test
    void jigasiConfKeepsTheHealthApiOnLoopback() {
        Config c = ConfigFactory.parseString(files.get("jigasi/jigasi-north/jigasi.conf")).resolve();
        assertThat(c.getString("org.jitsi.jigasi.rest.host")).isEqualTo("127.0.0.1");
        assertThat(c.getInt("org.jitsi.jigasi.rest.port")).isEqualTo(8788);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
