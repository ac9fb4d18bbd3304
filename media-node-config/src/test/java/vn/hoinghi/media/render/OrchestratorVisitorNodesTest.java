package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetYaml;

/**
 * The orchestrator's {@code hoinghi.xmpp.visitor-nodes} block names the same nodes, hosts and account as the
 * visitor nodes' own Prosody configs, under the keys the orchestrator's {@code VisitorNodeConfig} binds.
 */
class OrchestratorVisitorNodesTest {
    private static Map<String, String> render(String fleet) {
        return new FleetRenderer(CapacityModel.defaults()).render(FleetYaml.parse("fleet.yaml", fleet));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> nodes(String yml) {
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yml);
        Map<String, Object> xmpp = (Map<String, Object>) ((Map<String, Object>) root.get("hoinghi")).get("xmpp");
        return (Map<String, Map<String, Object>>) xmpp.get("visitor-nodes");
    }

    @Test
    void everyVisitorNodeOfTheFleetIsThereWithTheAccountItsProsodyLists() throws Exception {
        Map<String, String> files = render(Files.readString(Path.of("examples/fleet.yaml")));
        Map<String, Map<String, Object>> nodes = nodes(files.get("orchestrator/visitor-nodes.yml"));

        assertThat(nodes).containsOnlyKeys("v1", "v2", "v3");
        assertThat(nodes.get("v2")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "host", "prosody-v2.meet.hoinghi.gov.vn", "port", 5222, "domain", "v2.meet.jitsi",
                "login-domain", "auth.meet.hoinghi.gov.vn", "muc-domain", "conference.v2.meet.jitsi",
                "username", "hoinghi", "password", "${HOINGHI_VISITOR_NODE_PASSWORD:}"));
        for (String id : nodes.keySet()) {
            Map<String, Object> n = nodes.get(id);
            String jid = n.get("username") + "@" + n.get("login-domain");
            assertThat(files.get("prosody-visitor/" + id + "/prosody.cfg.lua"))
                    .contains("Component \"" + n.get("muc-domain") + "\" \"muc\"")
                    .contains("hoinghi_roll_call_jids = { \"" + jid + "\" }")
                    .contains("VirtualHost \"" + n.get("login-domain") + "\"");
        }
    }

    @Test
    void theAccountNameAndItsPasswordReferenceComeFromTheFleetFile() throws Exception {
        String fleet = Files.readString(Path.of("examples/fleet.yaml"))
                .replace("  account: hoinghi\n", "  account: hoinghi\n  visitorNodeAccount: rollcall\n")
                .replace("secrets:\n", "secrets:\n  hoinghiVisitorNodePassword: env:VNODE_ROLLCALL_PASSWORD\n");
        Map<String, String> files = render(fleet);

        assertThat(nodes(files.get("orchestrator/visitor-nodes.yml")).get("v1"))
                .containsEntry("username", "rollcall").containsEntry("password", "${VNODE_ROLLCALL_PASSWORD:}");
        assertThat(files.get("prosody-visitor/v1/prosody.cfg.lua"))
                .contains("hoinghi_roll_call_jids = { \"rollcall@auth.meet.hoinghi.gov.vn\" }")
                .contains("$VNODE_ROLLCALL_PASSWORD").doesNotContain("HOINGHI_VISITOR_NODE_PASSWORD");
    }

    @Test
    void aFleetWithoutVisitorNodesGivesTheOrchestratorNone() throws Exception {
        String fleet = Files.readString(Path.of("examples/fleet.yaml")).replace("visitorNodes: 1", "visitorNodes: 0");
        assertThat(nodes(render(fleet).get("orchestrator/visitor-nodes.yml"))).isEmpty();
    }
}
