package vn.hoinghi.monitoring;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of HoiNghi's processes started from its shaded jar, as {@code bin/demo} and the ansible roles start them:
 * a separate JVM with its own classpath, output in a log file under target/, stopped (with its children, e.g. the
 * embedded PostgreSQL) when the test ends.
 */
final class Launched implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    final int port;

    private Launched(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Launched jar(String name, Path jar, Path workDir, int port, Map<String, String> env, List<String> jvmArgs,
                        List<String> args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -pl " + name + " package)");
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new Launched(name, pb.start(), log, port);
    }

    /** Polls {@code path} until it answers 200; fails with the end of the process's log otherwise. */
    void awaitHttp(HttpClient http, String path, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                var r = http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer " + path + " within " + timeout + ":\n" + tail());
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String tail() throws IOException {
        String all = Files.readString(log);
        return all.substring(Math.max(0, all.length() - 4000));
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    static Path dir(String first, String... more) {
        return new File(first).toPath().resolve(String.join(File.separator, more));
    }
}
