package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.FleetYaml;

/**
 * Every rendered prosody.cfg.lua (each shard's main Prosody and each visitor node's own) passes Prosody's own
 * check. Needs the real prosodyctl (Debian {@code prosody}); if it is missing the test fails, never skips, so CI
 * cannot go green without having checked.
 */
class ProsodyCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyRenderedProsodyConfigPassesProsodyctlCheckConfig() throws Exception {
        FleetSpec f = FleetYaml.read(Path.of("examples/fleet.yaml"));
        List<Map.Entry<String, String>> configs = new FleetRenderer(CapacityModel.defaults()).render(f).entrySet()
                .stream().filter(e -> e.getKey().endsWith("prosody.cfg.lua")).toList();
        // Two shards' main Prosody and three visitor nodes: the check below must have seen all five.
        assertThat(configs).extracting(Map.Entry::getKey).containsExactly("prosody-visitor/v1/prosody.cfg.lua",
                "prosody-visitor/v2/prosody.cfg.lua", "prosody-visitor/v3/prosody.cfg.lua",
                "prosody/s1/prosody.cfg.lua", "prosody/s2/prosody.cfg.lua");
        for (Map.Entry<String, String> cfg : configs) {
            Path file = readableByProsody(cfg.getValue());

            Result r = prosodyctl("--config", file.toString(), "check", "config");

            assertThat(r.output).as(cfg.getKey() + "\n" + r.output).contains("All checks passed");
            assertThat(r.exit).as(cfg.getKey() + "\n" + r.output).isZero();
        }
    }

    @Test
    void aVisitorNodeFederatesOnlyWithItsOwnShard() throws Exception {
        FleetSpec f = FleetYaml.read(Path.of("examples/fleet.yaml"));
        Map<String, String> files = new FleetRenderer(CapacityModel.defaults()).render(f);
        String v2 = files.get("prosody-visitor/v2/prosody.cfg.lua");
        assertThat(v2).contains("[\"conference.meet.hoinghi.gov.vn\"] = \"tcp://s2.xmpp.meet.hoinghi.gov.vn:5269\"")
                .doesNotContain("s1.xmpp").contains("muc_max_occupants = 2000");
        // ... and the shard's Prosody routes that node's names to it, while s1 does not know v2 at all.
        assertThat(files.get("prosody/s2/prosody.cfg.lua"))
                .contains("[\"conference.v2.meet.jitsi\"] = \"tcp://prosody-v2.meet.hoinghi.gov.vn:5269\"");
        assertThat(files.get("prosody/s1/prosody.cfg.lua")).doesNotContain("v2.meet.jitsi");
    }

    @Test
    void aVisitorNodeLoadsHoiNghisRollCallModuleFromTheRepository() throws Exception {
        FleetSpec f = FleetYaml.read(Path.of("examples/fleet.yaml"));
        String v1 = new FleetRenderer(CapacityModel.defaults()).render(f).get("prosody-visitor/v1/prosody.cfg.lua");
        // The module as Ansible installs it, from the same repository path, into a plugin folder of its own.
        Path plugins = Files.createDirectory(dir.resolve("hoinghi-plugins"));
        Path module = Path.of("../orchestrator/prosody-plugins/mod_hoinghi_roll_call.lua");
        Files.copy(module, plugins.resolve(module.getFileName()));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(plugins.resolve(module.getFileName()),
                PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(v1).contains("\"" + VisitorProsodyRenderer.HOINGHI_PLUGINS + "\"")
                .contains("\"fmuc\"; \"hoinghi_roll_call\";")
                .contains("hoinghi_roll_call_jids = { \"hoinghi@auth.meet.hoinghi.gov.vn\" }");
        String cfg = v1.replace(VisitorProsodyRenderer.HOINGHI_PLUGINS, plugins + "/");

        Result r = prosodyctl("--config", readableByProsody(cfg).toString(), "check", "config");

        assertThat(r.output).as(r.output).contains("All checks passed");
        assertThat(r.exit).as(r.output).isZero();
        // check config reads options, not modules: VisitorNodeRollCallLoadTest has a running Prosody load it.
    }

    @Test
    void aOneShardFleetWithoutVisitorNodesRendersNoS2sAndPassesToo() throws Exception {
        String text = Files.readString(Path.of("examples/fleet.yaml"))
                .replaceAll("(?ms)^shards:.*?xmppHost: s2\\.xmpp\\.meet\\.hoinghi\\.gov\\.vn\n",
                        "xmppHost: xmpp.meet.hoinghi.gov.vn\n")
                .replace("visitorNodes: 1", "visitorNodes: 0");
        Map<String, String> files = new FleetRenderer(CapacityModel.defaults()).render(FleetYaml.parse("f.yaml", text));
        String cfg = files.get("prosody/s1/prosody.cfg.lua");
        assertThat(files.keySet()).noneMatch(k -> k.startsWith("prosody-visitor/"));
        assertThat(cfg).doesNotContain("s2s");

        Result r = prosodyctl("--config", readableByProsody(cfg).toString(), "check", "config");

        assertThat(r.output).as(r.output).contains("All checks passed");
        assertThat(r.exit).as(r.output).isZero();
    }

    @Test
    void theCheckReallyRejectsABrokenConfig() throws Exception {
        // Guards the test above: a check that accepted anything would prove nothing.
        Path file = readableByProsody("VirtualHost \"x\"\n  c2s_ports = { 5222 }\n");
        Result r = prosodyctl("--config", file.toString(), "check", "config");
        assertThat(r.exit).as(r.output).isNotZero();
    }

    /** prosodyctl reads the file as the prosody user, so the folder and file must be world-readable. */
    private Path readableByProsody(String content) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.createTempFile(dir, "prosody", ".cfg.lua");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private record Result(int exit, String output) {
    }

    private static Result prosodyctl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "prosodyctl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("prosodyctl is not installed (apt-get install -y prosody); this check must run",
                    e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("prosodyctl finished").isTrue();
        return new Result(p.exitValue(), out);
    }
}
