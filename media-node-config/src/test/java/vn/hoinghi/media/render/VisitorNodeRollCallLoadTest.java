package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetYaml;

/**
 * A real Prosody started on a rendered visitor node config loads the repository's mod_hoinghi_roll_call on the
 * visitor MUC: {@code prosodyctl check config} reads options only, so this asks the running server (admin shell)
 * which modules the component has. jitsi-meet's own modules (fmuc, ...) are not installed here and fail to load,
 * which Prosody survives; only ports, paths and the plugin folder are overridden for the test.
 */
class VisitorNodeRollCallLoadTest {
    @TempDir
    Path dir;

    @Test
    void theRenderedVisitorMucLoadsHoiNghisRollCallModule() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        Path module = Path.of("../orchestrator/prosody-plugins/mod_hoinghi_roll_call.lua");
        Files.copy(module, plugins.resolve(module.getFileName()));
        Path cfg = dir.resolve("prosody.cfg.lua");
        Files.writeString(cfg, forTest(new FleetRenderer(CapacityModel.defaults())
                .render(FleetYaml.read(Path.of("examples/fleet.yaml"))).get("prosody-visitor/v1/prosody.cfg.lua"),
                plugins));

        Process prosody = new ProcessBuilder("prosody", "--config", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        try {
            awaitAdminSocket(prosody);
            Process shell = new ProcessBuilder("prosodyctl", "--config", cfg.toString(), "shell",
                    "module:list('conference.v1.meet.jitsi')").redirectErrorStream(true).start();
            String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(out).as(out).contains("conference.v1.meet.jitsi:").contains("    hoinghi_roll_call\n")
                    .contains("    muc\n");
            assertThat(log()).doesNotContain("'hoinghi_roll_call'")
                    .contains("Unable to load module 'fmuc'"); // the modules beside it were tried: not installed
        } finally {
            prosody.destroy();
            prosody.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The rendered file with Prosody's paths and ports moved into the test folder and the admin shell on. */
    private String forTest(String rendered, Path plugins) throws IOException {
        int c2s;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            c2s = s.getLocalPort();
        }
        String cfg = rendered.replace(VisitorProsodyRenderer.HOINGHI_PLUGINS, plugins + "/")
                .replace("\"limits\";", "\"limits\"; \"admin_shell\";")
                .replace("s2s_ports = { 5269 }\n", "");
        int firstHost = cfg.indexOf("\nVirtualHost ");
        String overrides = """

                run_as_root = true
                daemonize = false
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                certificates = "%1$s/certs"
                log = { { levels = { min = "info" }, to = "file", filename = "%1$s/prosody.log" } }
                interfaces = { "127.0.0.1" }
                c2s_ports = { %2$d }
                c2s_direct_tls_ports = { }
                legacy_ssl_ports = { }
                s2s_ports = { }
                http_ports = { }
                https_ports = { }
                modules_disabled = { "s2s" }
                """.formatted(dir, c2s);
        Files.createDirectories(dir.resolve("data"));
        return cfg.substring(0, firstHost) + overrides + cfg.substring(firstHost);
    }

    private void awaitAdminSocket(Process prosody) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            assertThat(prosody.isAlive()).as("prosody running\n" + log()).isTrue();
            if (Files.exists(dir.resolve("data/prosody.sock"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("prosody's admin socket did not appear within 30 s\n" + log());
    }

    private String log() throws IOException {
        Path log = dir.resolve("prosody.log");
        return Files.exists(log) ? Files.readString(log) : Files.readString(dir.resolve("stdout.log"));
    }
}
