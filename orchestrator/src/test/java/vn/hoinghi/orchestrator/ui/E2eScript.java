package vn.hoinghi.orchestrator.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one scheduler-ui/e2e script under node against a running orchestrator and asserts it passed (exit 0 and
 * "OK" printed). Shared by the UI end-to-end tests; what is missing (node_modules, Chromium) fails, never skips.
 */
public final class E2eScript {
    public static final Path UI = Path.of("..", "scheduler-ui").toAbsolutePath().normalize();
    public static final Path SHOTS = Path.of("target", "e2e-shots").toAbsolutePath();

    private E2eScript() {
    }

    /**
     * node [nodeFlags] e2e/{script} {baseUrl} {SHOTS} [args]; returns its output. {@code nodeFlags} come before the
     * script (e.g. {@code --experimental-websocket} on Node 20 for the global WebSocket).
     */
    public static String run(String script, Duration timeout, List<String> nodeFlags, String baseUrl, String... args)
            throws IOException, InterruptedException {
        assertThat(UI.resolve("node_modules/playwright-core")).as("scheduler-ui built (npm ci)").isDirectory();
        assertThat(Path.of("/usr/bin/chromium")).as("Debian chromium installed (.ci/run)").exists();
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(nodeFlags);
        command.addAll(List.of(UI.resolve("e2e/" + script).toString(), baseUrl, SHOTS.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("ui-e2e", ".log");
        Process node = new ProcessBuilder(command).directory(UI.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(finished).as("finished within " + timeout + ": " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
        return output;
    }

    /** How many screenshots the folder holds (the scripts add theirs to the same folder). */
    public static long screenshots() throws IOException {
        try (var files = Files.list(SHOTS)) {
            return files.filter(p -> p.toString().endsWith(".png")).count();
        }
    }
}
