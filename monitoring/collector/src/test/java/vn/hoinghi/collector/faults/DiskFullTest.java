package vn.hoinghi.collector.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.support.Frames;
import vn.hoinghi.collector.support.TestCollector;
import vn.hoinghi.collector.support.TestDatabase;
import vn.hoinghi.collector.support.WsProbe;

/**
 * The collector's storage fills up: quality_sample lives on a 1 MiB tmpfs tablespace this test mounts (the CI runs
 * as root; without mount the test fails) and then fills. Ingest and the live summary keep working, /health says
 * DEGRADED disk_full, the failing batch is held and retried, overflow is dropped and counted, and everything held
 * lands once space returns.
 */
@ExtendWith(VertxExtension.class)
class DiskFullTest {

  private Path mount;
  private Pool pool;

  @AfterEach
  void unmount() throws Exception {
    if (pool != null) {
      await(pool.query("DROP SCHEMA telemetry CASCADE").execute()); // the tablespace's files go before it does
      await(pool.query("DROP TABLESPACE IF EXISTS " + tablespace()).execute());
    }
    if (mount != null) {
      Process p = new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void storageFullDegradesButIngestKeepsServing(Vertx vertx) throws Exception {
    pool = TestDatabase.pool(vertx, TestDatabase.fresh());
    Collector collector = TestCollector.start(vertx, TestCollector.config("""
        collector.db.flush-millis = 50
        collector.db.batch-size = 10
        collector.db.queue-capacity = 40
        """), Clock.systemUTC(), pool);
    Path space = mountSmallTmpfs(pgOwner());
    await(pool.query("CREATE TABLESPACE " + tablespace() + " LOCATION '" + space + "'").execute());
    for (Row partition : await(pool.query("""
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
         WHERE p.relname = 'quality_sample'""").execute())) {
      await(pool.query("ALTER TABLE telemetry." + partition.getString(0) + " SET TABLESPACE " + tablespace())
          .execute());
    }
    Path filler = space.resolve("filler");
    fill(filler);

    long full = System.nanoTime();
    WsProbe client = WsProbe.connect(WsProbe.client(vertx), collector.port(), "/?statsSessionId=df1", "3.1_STANDARD");
    client.next();
    client.send(Frames.identity("df1", new JsonObject().put("confName", "room1").put("endpointId", "ep1")));
    int windows = 80;
    for (int k = 0; k <= windows; k++) {
      client.send(Frames.entry("df1", "getstats", "PC_0",
          Frames.getstats(Frames.T0 + k * 10_000L, k * 100_000L, k * 500L, k * 40_000L, k * 400L, 0, 0.01, 0.05),
          Frames.T0 + k * 10_000L, k + 1));
    }
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(health(vertx, collector)
        .getString("status")));
    long degradedMs = (System.nanoTime() - full) / 1_000_000;
    assertThat(health(vertx, collector).getJsonArray("reasons").getList()).containsExactly("disk_full");
    // live quality is still served while nothing can be stored
    JsonObject summary = get(vertx, collector, "/api/v1/meetings/room1/summary");
    assertThat(summary.encode()).contains("ep1").contains("STP-HNI");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> counter(collector, "collector_frames_total",
        "stats_entry") == windows + 1);
    double dropped = collector.metrics().registry().get("collector_store_dropped_total").tag("table", "quality_sample")
        .tag("reason", "queue_full").counter().count();
    double failures = collector.metrics().registry().get("collector_store_write_failures_total")
        .tag("table", "quality_sample").counter().count();
    assertThat(dropped).isEqualTo(windows - 40); // capacity 40: the held batch and queue keep the oldest 40
    assertThat(failures).isGreaterThan(0);
    assertThat(count("SELECT count(*) FROM telemetry.quality_sample")).isZero();

    Files.delete(filler);
    long freed = System.nanoTime();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM telemetry.quality_sample")
        == 40);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "UP".equals(health(vertx, collector)
        .getString("status")));
    long recoveredMs = (System.nanoTime() - freed) / 1_000_000;
    assertThat(count("SELECT count(DISTINCT at) FROM telemetry.quality_sample")).isEqualTo(40); // none twice
    System.out.printf("FAULT disk_full: DEGRADED disk_full %d ms after the first window on a full disk; %d of %d "
            + "windows stored, %.0f dropped (queue_full, capacity 40), %.0f failed write attempts; all held rows "
            + "stored and UP %d ms after space returned; live summary served throughout%n", degradedMs, 40, windows,
        dropped, failures, recoveredMs);
  }

  private String tablespace() {
    return "tiny_" + ProcessHandle.current().pid();
  }

  /** PostgreSQL writes tablespace files as the owner of its data directory, so the mount must belong to it. */
  private UserPrincipal pgOwner() throws Exception {
    String dataDir = await(pool.query("SHOW data_directory").execute()).iterator().next().getString(0);
    return Files.getOwner(Path.of(dataDir));
  }

  private Path mountSmallTmpfs(UserPrincipal owner) throws Exception {
    mount = Files.createTempDirectory("collector-disk-full");
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mount.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      Path failed = mount;
      mount = null;
      throw new AssertionError("cannot mount a tmpfs at " + failed + " (the test needs root): " + out);
    }
    Files.setOwner(mount, owner);
    Path space = Files.createDirectory(mount.resolve("ts"));
    Files.setOwner(space, owner);
    return space;
  }

  private static void fill(Path filler) throws IOException {
    byte[] chunk = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
        out.flush();
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("space")) {
        throw full;
      }
    }
  }

  private long count(String sql) throws Exception {
    return await(pool.query(sql).execute()).iterator().next().getLong(0);
  }

  private static double counter(Collector c, String name, String type) {
    return c.metrics().registry().get(name).tag("type", type).counter().count();
  }

  private static JsonObject health(Vertx vertx, Collector c) throws Exception {
    return get(vertx, c, "/health");
  }

  static JsonObject get(Vertx vertx, Collector c, String path) throws Exception {
    return await(vertx.createHttpClient().request(io.vertx.core.http.HttpMethod.GET, c.port(), "localhost", path)
        .compose(req -> req.send()).compose(resp -> resp.body())).toJsonObject();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
