package vn.hoinghi.collector.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collector in its own JVM ({@code Main}, on this test's class path: surefire runs before the shaded jar is built)
 * with its own embedded PostgreSQL under {@code dataDir}, which survives the process for the next one.
 */
final class CollectorProcess implements AutoCloseable {

  private static final Pattern PG_PORT = Pattern.compile("embedded PostgreSQL on port (\\d+)");

  private final Process process;
  final int port;
  final CompletableFuture<Integer> pgPort = new CompletableFuture<>();
  private final CompletableFuture<Void> listening = new CompletableFuture<>();

  private final Path pgData;

  private CollectorProcess(Process process, int port, Path pgData) {
    this.pgData = pgData;
    this.process = process;
    this.port = port;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts a collector on {@code port}; {@code conf} is HOCON appended to the test settings. */
  static CollectorProcess start(Path dir, int port, String conf) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("collector.conf");
    Files.writeString(file, """
        collector.http.instances = 1
        collector.db.embedded = true
        collector.db.embedded-dir = "%s"
        collector.db.flush-millis = 100
        collector.attribution.endpoints { "room1/ep1" = "STP-HNI", "room1/ep2" = "THADS-HNI" }
        collector.attribution.sites { "STP-HNI" { region = north, kind = stp }, "THADS-HNI" { region = north, kind = thads } }
        """.formatted(dir.resolve("pg")) + conf);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "-Dcollector.http.port=" + port, "vn.hoinghi.collector.Main", file.toString())
        .redirectErrorStream(true).start();
    CollectorProcess c = new CollectorProcess(p, port, dir.resolve("pg"));
    Thread reader = new Thread(() -> c.read(dir.resolve("collector.log")), "collector-" + port + "-log");
    reader.setDaemon(true);
    reader.start();
    try {
      c.listening.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      c.close();
      throw new AssertionError("collector on port " + port + " did not start: see " + dir.resolve("collector.log"), e);
    }
    return c;
  }

  private void read(Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        out.flush();
        Matcher m = PG_PORT.matcher(line);
        if (m.find()) {
          pgPort.complete(Integer.parseInt(m.group(1)));
        }
        if (line.contains("collector listening on port")) {
          listening.complete(null);
        }
      }
    } catch (IOException ignored) {
      // the process died; the test notices through its client
    }
    listening.completeExceptionally(new IllegalStateException("exited"));
  }

  /** SIGKILL of the collector and its embedded PostgreSQL, as when the machine or container dies. */
  void kill() throws Exception {
    // pg_ctl daemonizes the postmaster, so it is not our descendant: its pid is in postmaster.pid
    List<ProcessHandle> all = new ArrayList<>();
    process.descendants().forEach(all::add);
    ProcessHandle.of(Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim()))
        .ifPresent(pm -> {
          all.add(pm);
          pm.descendants().forEach(all::add);
        });
    process.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(10, TimeUnit.SECONDS);
    for (ProcessHandle h : all) {
      h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> h).join();
    }
  }

  String get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: the shutdown hook stops its PostgreSQL
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
