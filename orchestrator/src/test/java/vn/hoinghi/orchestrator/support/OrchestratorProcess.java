package vn.hoinghi.orchestrator.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import vn.hoinghi.orchestrator.access.AppUser;
import vn.hoinghi.orchestrator.access.PasswordHasher;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.access.UserStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator as deployed: its shaded jar in its own JVM (the JVM options the caller gives, e.g. the ansible
 * unit's), on a database this JVM created, reached over HTTP as an administrator. A benchmark measures its RSS and
 * CPU from /proc, apart from whatever else the benchmark's JVM holds (the protocol fakes, the crowds).
 */
public final class OrchestratorProcess implements AutoCloseable {
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "all-hands-benchmark-password";
    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.createDefault();
    private String token;

    private OrchestratorProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Migrates a fresh database and creates its administrator (through the application's own classes, in a short
     * context here), then starts {@code jar} with {@code jvmOptions} and {@code properties} (system properties, as
     * {@code -D}) on {@code port}; returns once it answers {@code /health} and the administrator is logged in.
     */
    public static OrchestratorProcess start(Path jar, List<String> jvmOptions, Map<String, Object> properties,
                                            int port, Duration timeout) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it first (mvn -pl orchestrator package)");
        }
        String url = TestPostgres.freshDatabase(OrchestratorProcess.class);
        Map<String, Object> db = Map.of("datasources.default.url", url, "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "micronaut.security.token.jwt.signatures.secret.generator.secret", DatabaseTest.JWT_SECRET);
        try (ApplicationContext seed = ApplicationContext.run(withRunnerOff(db))) {
            String hash = seed.getBean(PasswordHasher.class).hash(PASSWORD);
            seed.getBean(UserStore.class).insertIfAbsent(new AppUser(ADMIN, "Quản trị", hash, Roles.ADMIN, null, true));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        db.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-Dmicronaut.server.port=" + port, "-Dlogback.configurationFile=logback-text.xml",
                "-jar", jar.toString()));
        Path log = Files.createTempFile("orchestrator", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OrchestratorProcess o = new OrchestratorProcess(p, log, port);
        o.awaitHealthy(timeout);
        o.token = o.login();
        return o;
    }

    private static Map<String, Object> withRunnerOff(Map<String, Object> db) {
        Map<String, Object> p = new java.util.HashMap<>(db);
        p.put("hoinghi.provisioning.runner-enabled", false);
        return p;
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** An administrator's GET, the JSON answer read as {@code type}; anything but 200 is an error. */
    public <T> T get(String path, Argument<T> type) throws Exception {
        return json.readValue(send(HttpRequest.newBuilder(URI.create(url() + path)), path), type);
    }

    /** An administrator's POST of {@code body} ({@code contentType}), the JSON answer read as {@code type}. */
    public <T> T post(String path, String contentType, byte[] body, Argument<T> type) throws Exception {
        return json.readValue(send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), path), type);
    }

    /** {@code value} as the API's JSON. */
    public byte[] json(Object value) throws IOException {
        return json.writeValueAsBytes(value);
    }

    private byte[] send(HttpRequest.Builder request, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(request.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    private String login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(Map.of("username", ADMIN, "password", PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
                .map(c -> c.substring(4, c.contains(";") ? c.indexOf(';') : c.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no login cookie: " + r.statusCode() + " " + r.body()));
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        if (HealthWait.until(process, url(), timeout)) {
            return;
        }
        close();
        throw new IllegalStateException("the orchestrator did not become healthy within " + timeout + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
