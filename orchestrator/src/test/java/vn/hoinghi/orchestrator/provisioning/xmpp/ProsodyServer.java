package vn.hoinghi.orchestrator.provisioning.xmpp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prosody 0.12 (the Debian package) for one test class: a generated config in a temp dir with the meet
 * domain, {@code auth.<domain>}, the conference MUC (room creation restricted to admins: Jicofo, as
 * {@code restrict_room_creation} does in jitsi-meet) and the internal brewery MUC, c2s on a free loopback port,
 * without TLS or, given a certificate, with STARTTLS required as a production Prosody has it. Anything that stops
 * it from starting is a test failure, never a skip.
 */
public final class ProsodyServer implements AutoCloseable {
    public static final String DOMAIN = "meet.test";
    public static final String AUTH = "auth." + DOMAIN;
    public static final String MUC = "conference." + DOMAIN;
    public static final String INTERNAL = "internal.auth." + DOMAIN;
    public static final String PASSWORD = "s3cret-test";
    /** A component domain whose one connection speaks for many simulated participants (see ParticipantCrowd). */
    public static final String CROWD = "crowd." + DOMAIN;

    private final Path dir;
    /** The meet domain of this server: {@link #DOMAIN}, or a visitor node's own ({@code v1.meet.test}). */
    private final String domain;
    /** Extra global lines, and extra lines for the conference MUC component (a visitor node's). */
    private final String globalOptions;
    private final String mucOptions;
    private final Path config;
    private final int port;
    private Process process;
    private final Tls tls;
    private final int componentPort;

    /** The server's certificate and key (PEM files Prosody can read). */
    public record Tls(Path certificate, Path key) {
    }

    private ProsodyServer(Path dir, int port, List<String> accounts, Tls tls, int componentPort)
            throws IOException, InterruptedException {
        this(dir, DOMAIN, "", "", port, accounts, tls, componentPort);
    }

    private ProsodyServer(Path dir, String domain, String globalOptions, String mucOptions, int port,
                          List<String> accounts, Tls tls, int componentPort) throws IOException, InterruptedException {
        this.dir = dir;
        this.domain = domain;
        this.globalOptions = globalOptions;
        this.mucOptions = mucOptions;
        this.port = port;
        this.tls = tls;
        this.componentPort = componentPort;
        this.config = dir.resolve("prosody.cfg.lua");
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(config, config(accounts));
        for (String account : accounts) {
            String[] parts = account.split("@");
            run("prosodyctl", "--config", config.toString(), "register", parts[0], parts[1], PASSWORD);
        }
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        int logged = log().length();
        process = new ProcessBuilder("prosody", "--config", config.toString(), "-F")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log")
                        .toFile())).start();
        awaitPort(Duration.ofSeconds(20), logged);
    }

    /**
     * Stops Prosody as an operator's {@code systemctl restart prosody} does (SIGTERM: every client sees its stream
     * close, every MUC room is gone) and starts it again on the same port and data; returns when it listens.
     */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts Prosody with these accounts ({@code user@host}, all with {@link #PASSWORD}); admins may create rooms. */
    public static ProsodyServer start(List<String> accounts) throws IOException, InterruptedException {
        return start(accounts, null);
    }

    /** As {@link #start(List)}; with {@code tls}, c2s offers STARTTLS with that certificate and requires it. */
    public static ProsodyServer start(List<String> accounts, Tls tls) throws IOException, InterruptedException {
        return new ProsodyServer(Files.createTempDirectory("prosody-test"), freePort(), accounts, tls, 0);
    }

    /** As {@link #start(List)}, plus the {@link #CROWD} component (XEP-0114, secret {@link #PASSWORD}). */
    public static ProsodyServer startWithCrowd(List<String> accounts) throws IOException, InterruptedException {
        return new ProsodyServer(Files.createTempDirectory("prosody-test"), freePort(), accounts, null, freePort());
    }

    /**
     * A Jitsi visitor node (DESIGN §4): its own Prosody and domain {@code <id>.meet.test}, accounts
     * {@code focus} and {@code hoinghi} on {@code auth.<id>.meet.test} (admins, as Jicofo's and HoiNghi's accounts
     * on a visitor node are), a crowd component, and the conference MUC as a visitor node has it: visitors' presence
     * broadcast to nobody, HoiNghi's {@code mod_hoinghi_roll_call} (from {@code prosody-plugins/}) forwarding it to
     * HoiNghi's occupant. jitsi-meet's mod_fmuc, which marks every local occupant a visitor, is not installed here:
     * the rooms are moderated by default instead, which gives every non-affiliated occupant the visitor role.
     */
    public static ProsodyServer startVisitorNode(String id) throws IOException, InterruptedException {
        return startVisitorNode(id, true);
    }

    /** As {@link #startVisitorNode(String)}, with the module's {@code hoinghi_lean_occupant_list} on or off. */
    public static ProsodyServer startVisitorNode(String id, boolean leanOccupantList)
            throws IOException, InterruptedException {
        String domain = id + "." + DOMAIN;
        Path plugins = plugins("mod_hoinghi_roll_call.lua");
        String muc = """
                  modules_enabled = { "hoinghi_roll_call" }
                  muc_room_default_moderated = true
                  muc_room_default_presence_broadcast = { visitor = false; participant = true; moderator = true; }
                  hoinghi_roll_call_jids = { "hoinghi@auth.%s" }
                  hoinghi_lean_occupant_list = %s
                """.formatted(domain, leanOccupantList);
        return new ProsodyServer(Files.createTempDirectory("prosody-vnode"), domain,
                "plugin_paths = { \"" + plugins + "\" }", muc, freePort(),
                List.of("focus@auth." + domain, "hoinghi@auth." + domain), null, freePort());
    }

    /**
     * As {@link #start(List)}, with HoiNghi's {@code mod_hoinghi_main_room} on the conference MUC, taking the list of
     * main-room sites from {@code hoinghi@auth.meet.test} (as the media node's main Prosody has it).
     */
    public static ProsodyServer startWithMainRoom(List<String> accounts) throws IOException, InterruptedException {
        Path plugins = plugins("mod_hoinghi_main_room.lua");
        String muc = """
                  modules_enabled = { "hoinghi_main_room" }
                  hoinghi_main_room_jids = { "hoinghi@%s" }
                """.formatted(AUTH);
        return new ProsodyServer(Files.createTempDirectory("prosody-test"), DOMAIN,
                "plugin_paths = { \"" + plugins + "\" }", muc, freePort(), accounts, null, 0);
    }

    /** HoiNghi's prosody-plugins folder, from the orchestrator module (surefire) or the repository root (bench). */
    private static Path plugins(String module) {
        Path plugins = Stream.of("prosody-plugins", "orchestrator/prosody-plugins").map(Path::of)
                .filter(Files::isDirectory).findFirst().orElse(Path.of("prosody-plugins")).toAbsolutePath();
        if (!Files.exists(plugins.resolve(module))) {
            throw new IllegalStateException(module + " not found under " + plugins);
        }
        return plugins;
    }

    public String domain() {
        return domain;
    }

    public String auth() {
        return "auth." + domain;
    }

    public String muc() {
        return "conference." + domain;
    }

    public String crowd() {
        return "crowd." + domain;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private String config(List<String> accounts) {
        List<String> admins = new ArrayList<>();
        for (String a : accounts) {
            if (a.startsWith("focus@") || a.startsWith("hoinghi@")) {
                admins.add('"' + a + '"');
            }
        }
        return """
                run_as_root = true
                daemonize = false
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                certificates = "%1$s/certs"
                log = { { levels = { min = "info" }, to = "file", filename = "%1$s/prosody.log" } }
                interfaces = { "127.0.0.1" }
                c2s_ports = { %2$d }
                c2s_interfaces = { "127.0.0.1" }
                c2s_direct_tls_ports = { }
                legacy_ssl_ports = { }
                s2s_ports = { }
                component_ports = { %10$s }
                component_interfaces = { "127.0.0.1" }
                http_ports = { }
                https_ports = { }
                %8$s
                authentication = "internal_hashed"
                admins = { %3$s }
                modules_enabled = { "roster", "saslauth", "disco", "ping", "posix"%9$s }
                modules_disabled = { "s2s" }
                %12$s
                VirtualHost "%4$s"
                VirtualHost "%5$s"
                Component "%6$s" "muc"
                  restrict_room_creation = true
                  muc_room_locking = false
                  muc_room_default_public_jids = true
                %13$s
                Component "%7$s" "muc"
                  muc_room_locking = false
                  muc_room_default_public_jids = true
                %11$s
                """.formatted(dir, port, String.join(", ", admins), domain, auth(), muc(), "internal." + auth(),
                tls == null ? "c2s_require_encryption = false"
                        : "c2s_require_encryption = true\nssl = { certificate = \"" + tls.certificate()
                        + "\"; key = \"" + tls.key() + "\" }",
                tls == null ? "" : ", \"tls\"", componentPort == 0 ? "" : String.valueOf(componentPort),
                componentPort == 0 ? "" : "Component \"" + crowd() + "\"\n  component_secret = \"" + PASSWORD + "\"",
                globalOptions, mucOptions);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private void awaitPort(Duration timeout, int logged) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prosody exited with " + process.exitValue() + ": " + log());
            }
            // Prosody's own word rather than a probe connect, so a port taken by someone else fails at once.
            String all = log();
            String log = all.length() > logged ? all.substring(logged) : "";
            if (log.contains("Activated service 'c2s' on [127.0.0.1]:" + port)) {
                return;
            }
            if (log.contains("Failed to open server port")) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("prosody did not listen on " + port + " within " + timeout + ": " + log());
    }

    public String log() {
        try {
            Path log = dir.resolve("prosody.log");
            return Files.exists(log) ? Files.readString(log) : Files.readString(dir.resolve("stdout.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    /** Prosody's process id (benchmarks read its CPU time from /proc). */
    public long pid() {
        return process.pid();
    }

    /** Prosody's CPU time so far (user + system), from /proc: its cost of what a test or benchmark did. */
    public double cpuSeconds() throws IOException {
        return new ProcessUsage(pid()).sample().cpuSeconds();
    }

    public int componentPort() {
        return componentPort;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
