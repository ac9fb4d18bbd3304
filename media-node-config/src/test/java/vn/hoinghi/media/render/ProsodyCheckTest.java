package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.FleetYaml;

/**
 * The rendered prosody.cfg.lua passes Prosody's own check. Needs the real prosodyctl (Debian {@code prosody});
 * if it is missing the test fails, never skips, so CI cannot go green without having checked.
 */
class ProsodyCheckTest {
    @TempDir
    Path dir;

    @Test
    void renderedConfigPassesProsodyctlCheckConfig() throws Exception {
        FleetSpec f = FleetYaml.read(Path.of("examples/fleet.yaml"));
        String cfg = new FleetRenderer(vn.hoinghi.media.capacity.CapacityModel.defaults()).render(f)
                .get("prosody/prosody.cfg.lua");
        Path file = readableByProsody(cfg);

        Result r = prosodyctl("--config", file.toString(), "check", "config");

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
        Path file = dir.resolve("prosody.cfg.lua");
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
