package vn.hoinghi.collector.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The collector process and its embedded PostgreSQL are SIGKILLed while a client streams rtcstats. The client
 * reconnects (isReconnect=true) to the new process on the same address, which knows nothing of the session in memory
 * and answers sn with the last stored window's seq (V2 migration), so the client replays only what is not stored.
 * Measured: downtime, windows lost (bounded: the one window whose baseline died with the process), none stored twice.
 */
class CollectorKilledTest {

  private static final int ENTRIES = 120;
  private static final int KILL_AT = 50;

  @Test
  void killedMidStreamTheClientResumesOnTheNextProcess() throws Exception {
    Path dir = Files.createTempDirectory("collector-killed");
    int port = CollectorProcess.freePort();
    ReconnectingClient client = new ReconnectingClient("killed1", "room1", "ep1");
    CollectorProcess first = CollectorProcess.start(dir, port, "");
    long downtimeMs;
    long storedBeforeKill;
    try (CollectorProcess ignored = first) {
      assertThat(client.connect(port)).isTrue();
      for (int i = 0; i < KILL_AT; i++) {
        client.next();
        Thread.sleep(20);
      }
      Thread.sleep(300); // two flushes: most windows are stored, the last ones may still be queued when it dies
      storedBeforeKill = storedWindows(first.pgPort.get());
      first.kill();
    }
    long killed = System.nanoTime();
    // the browser keeps producing stats while the collector is gone; they wait in its buffer
    for (int i = KILL_AT; i < ENTRIES; i++) {
      client.next();
      Thread.sleep(20);
    }
    assertThat(client.connected()).isFalse();
    try (CollectorProcess second = CollectorProcess.start(dir, port, "")) {
      Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
          .until(() -> client.connect(port));
      downtimeMs = (System.nanoTime() - killed) / 1_000_000;
      assertThat(client.lastSn).isPositive(); // resumed from storage, not from 0
      int pg = second.pgPort.get();
      Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> storedWindows(pg) >= ENTRIES - 2);
      client.leave();
      Thread.sleep(300);
      long stored = storedWindows(pg);
      long distinct = query(pg, "SELECT count(DISTINCT seq) FROM telemetry.quality_sample WHERE stats_session_id = "
          + "'killed1'");
      long windows = ENTRIES - 1; // entry k closes window k-1
      long lost = windows - stored;
      assertThat(distinct).isEqualTo(stored); // none stored twice
      assertThat(lost).isBetween(0L, 1L);
      assertThat(second.get("/metrics")).contains("collector_ws_store_resumes_total 1.0");
      System.out.printf("FAULT collector_killed: SIGKILL of collector + its PostgreSQL after %d entries (%d windows "
              + "stored by then); client reconnected to the new process after %d ms (JVM + PostgreSQL start), sn=%d, "
              + "replayed %d entries; %d of %d windows stored, %d lost, 0 stored twice%n", KILL_AT, storedBeforeKill,
          downtimeMs, client.lastSn, client.replayed, stored, windows, lost);
    }
  }

  private static long storedWindows(int pgPort) throws Exception {
    return query(pgPort, "SELECT count(*) FROM telemetry.quality_sample WHERE stats_session_id = 'killed1'");
  }

  private static long query(int pgPort, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres",
        "postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
