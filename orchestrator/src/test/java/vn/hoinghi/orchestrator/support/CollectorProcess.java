package vn.hoinghi.orchestrator.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real telemetry collector (monitoring/collector's shaded jar, path in system property
 * {@code hoinghi.collector.jar}, set by the orchestrator's surefire configuration) as a child process on a free
 * port, on its own embedded PostgreSQL in a temporary folder, attributing participants through an orchestrator
 * ({@code attribution.mode = http}). A missing jar fails the test, saying how to build it.
 */
public final class CollectorProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private CollectorProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Free port (taken and released, so the caller can name it to the orchestrator before the collector runs). */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /**
     * Starts the process and returns at once (it takes ~10 s to be up, which the caller may spend starting the
     * orchestrator it will ask); {@link #awaitHealthy} waits for it.
     */
    public static CollectorProcess launch(String orchestratorUrl, String serviceKey, int port) throws IOException {
        String jar = System.getProperty("hoinghi.collector.jar", "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("collector jar not found (" + jar + "): build monitoring/collector first "
                    + "(mvn -pl orchestrator -am … builds it, through orchestrator's test dependency on it)");
        }
        Path dir = Files.createTempDirectory("collector-e2e");
        // Attribution failures are logged at FINE only: shown in this test's log, where they explain "unknown".
        Files.writeString(dir.resolve("logging.properties"), "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.level=FINE\nvn.hoinghi.collector.attribution.level=FINE\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.util.logging.config.file=" + dir.resolve("logging.properties"),
                "-Dcollector.http.host=127.0.0.1", "-Dcollector.http.port=" + port,
                "-Dcollector.db.embedded=true", "-Dcollector.db.embedded-dir=" + dir.resolve("pg"),
                "-Dcollector.attribution.mode=http", "-Dcollector.attribution.orchestrator-url=" + orchestratorUrl,
                "-Dcollector.attribution.service-key=" + serviceKey, "-Dcollector.attribution.cache-seconds=5",
                // Two shared cores also run Chromium and the orchestrator: the 2 s default can miss a first answer.
                "-Dcollector.attribution.timeout-millis=10000",
                "-jar", jar))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("collector.log").toFile())
                .start();
        return new CollectorProcess(p, dir, port);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("collector.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public void awaitHealthy(Duration timeout) throws Exception {
        if (HealthWait.until(process, url(), timeout)) {
            return;
        }
        close();
        throw new IllegalStateException("the collector did not become healthy within " + timeout + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        // SIGTERM first so its shutdown hook stops the embedded PostgreSQL it started.
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no test failure
        }
    }
}
