package vn.hoinghi.orchestrator.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.DatabaseTest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
     * Issue 12's keyboard and English switch: a booking driven by key presses only (the unit tree with the arrows),
     * a visible focus ring at every stop, labels on every control, then the header's select turns the meeting, the
     * operators' wall and the meeting list English, and the choice survives a reload.
     */
    @Test
    void aBookingByKeyboardOnlyAndTheEnglishSwitch() throws IOException, InterruptedException {
        assertThat(run("keyboard.mjs")).isGreaterThanOrEqualTo(7);
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
        E2eScript.run(script, Duration.ofMinutes(4), List.of(), "http://localhost:" + server.getPort());
        return E2eScript.screenshots();
    }
}
