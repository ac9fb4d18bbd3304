package vn.hoinghi.orchestrator.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.DatabaseTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat's path through the real UI in real Chromium: the orchestrator (with the demo Ministry and its
 * sample meetings) serves the SPA, and scheduler-ui/e2e/smoke.mjs drives Debian's Chromium through playwright-core:
 * a refused login, login (the header names the user), the meeting list and a live detail, a field error, a booking,
 * a diacritics-free site search, the capacity page, editing a meeting, cancelling one occurrence of a series and
 * logging out. Needs node, the scheduler-ui module built (its node_modules) and /usr/bin/chromium;
 * without them it fails, saying which is missing.
 */
@MicronautTest(transactional = false)
class UiEndToEndTest extends DatabaseTest {
    private static final Path UI = Path.of("..", "scheduler-ui").toAbsolutePath().normalize();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hoinghi.demo.enabled", "true");
    }

    @Test
    void theSecretariatLogsInBooksEditsCancelsAndLogsOutInChromium() throws IOException, InterruptedException {
        assertThat(run("smoke.mjs")).isGreaterThanOrEqualTo(12);
    }

    /**
     * Issue 12's daily screens: a 40-site booking warned of a clash before saving, the calendar, the unit's page with
     * its join button and readiness check, the operators' readiness and fleet pages, and the page budgets.
     */
    @Test
    void theDailyScreensWorkAndStayWithinTheirBudgets() throws IOException, InterruptedException {
        assertThat(run("daily.mjs")).isGreaterThanOrEqualTo(10);
    }

    /**
     * Issue 14: a unit operator reads the report of a meeting its unit is invited to (only its own row) and its
     * unit report, and is refused another province's subtree (403 outside-scope). Screenshots 50–51.
     */
    @Test
    void aUnitOperatorSeesTheReportsOfItsOwnSubtree() throws IOException, InterruptedException {
        assertThat(run("reports.mjs")).isGreaterThanOrEqualTo(2);
    }

    /** Runs one e2e script against this server and answers how many screenshots the folder then holds. */
    private long run(String script) throws IOException, InterruptedException {
        assertThat(UI.resolve("node_modules/playwright-core")).as("scheduler-ui built (npm ci)").isDirectory();
        assertThat(Path.of("/usr/bin/chromium")).as("Debian chromium installed (.ci/run)").exists();
        Path shots = Path.of("target", "e2e-shots").toAbsolutePath();
        Path log = Files.createTempFile("ui-e2e", ".log");
        Process node = new ProcessBuilder("node", UI.resolve("e2e/" + script).toString(),
                "http://localhost:" + server.getPort(), shots.toString())
                .directory(UI.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = node.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("finished within 4 minutes: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
        try (var files = Files.list(shots)) {
            return files.filter(p -> p.toString().endsWith(".png")).count();
        }
    }
}
