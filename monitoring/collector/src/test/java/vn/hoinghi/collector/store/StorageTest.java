package vn.hoinghi.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.attribution.Site;
import vn.hoinghi.collector.quality.Grade;
import vn.hoinghi.collector.quality.QualitySample;
import vn.hoinghi.collector.support.Frames;
import vn.hoinghi.collector.support.TestCollector;
import vn.hoinghi.collector.support.TestDatabase;
import vn.hoinghi.collector.support.WsProbe;

/** The telemetry schema on a real PostgreSQL 17: migrations, daily partitions, batched writes, counted drops. */
@ExtendWith(VertxExtension.class)
class StorageTest {

  private Pool pool;

  @BeforeEach
  void database(Vertx vertx) throws Exception {
    pool = TestDatabase.pool(vertx, TestDatabase.fresh());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private long count(String sql) throws Exception {
    return await(pool.query(sql).execute()).iterator().next().getLong(0);
  }

  static QualitySample sample(String meeting, String site, double mos) {
    return new QualitySample(Instant.now(), 10, meeting, "ep-" + mos, "s", new Site(site, "north", "stp"), 500, 400,
        1, 0, 10, 50, 360, 180, 30, mos, Grade.of(mos), 100, 2);
  }

  @Test
  void partitionsAreDailyAndRetentionDropsOldOnes() throws Exception {
    await(new Partitions(pool, 30).maintain());
    assertThat(count("""
        SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
         WHERE p.relname = 'quality_sample'""")).isEqualTo(4); // default + today + 2 days ahead
    await(pool.query("""
        CREATE TABLE telemetry.quality_sample_20200101 PARTITION OF telemetry.quality_sample
          FOR VALUES FROM ('2020-01-01') TO ('2020-01-02')""").execute());
    await(new Partitions(pool, 30).maintain());
    assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'quality_sample_20200101'")).isZero();
  }

  @Test
  void rowsAlreadyInTheDefaultPartitionDoNotStopMaintenance() throws Exception {
    PgTelemetryWriter writer = new PgTelemetryWriter(pool, TestCollector.config("").db(), new SimpleMeterRegistry());
    QualitySample s = sample("room1", "STP-HNI", 4.2);
    writer.quality(new QualitySample(s.windowEnd().plus(java.time.Duration.ofDays(1)), 10, s.meeting(),
        s.endpointId(), "s", s.site(), 1, 1, 0, 0, 0, 0, 0, 0, 0, 4.2, Grade.GOOD, 100, 2));
    await(writer.flushAll());
    await(new Partitions(pool, 30).maintain());
    assertThat(count("""
        SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
         WHERE p.relname = 'quality_sample'""")).isEqualTo(3); // default + today + the day after tomorrow
    assertThat(count("SELECT count(*) FROM telemetry.quality_sample")).isEqualTo(1);
  }

  @Test
  void batchedWritesLandAndCanBeSummarised() throws Exception {
    PgTelemetryWriter writer = new PgTelemetryWriter(pool, TestCollector.config("").db(), new SimpleMeterRegistry());
    for (int i = 0; i < 5000; i++) {
      writer.quality(sample("room1", i % 2 == 0 ? "STP-HNI" : "THADS-HNI", i % 2 == 0 ? 4.3 : 3.2));
    }
    while (writer.queued() > 0) {
      await(writer.flushAll());
    }
    assertThat(count("SELECT count(*) FROM telemetry.quality_sample")).isEqualTo(5000);
    JsonObject summary = await(new TelemetryQueries(pool).siteSummary("THADS-HNI", Instant.now().minusSeconds(3600),
        Instant.now().plusSeconds(60)));
    assertThat(summary.getLong("windows")).isEqualTo(2500);
    assertThat(summary.getDouble("meanMos")).isEqualTo(3.2);
    assertThat(summary.getDouble("poorShare")).isEqualTo(1.0);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BatchWriter<QualitySample> writer = new BatchWriter<>("quality_sample",
        "INSERT INTO telemetry.quality_sample (at, window_seconds, meeting, endpoint_id, stats_session_id, site_code,"
            + " region, send_kbps, recv_kbps, recv_loss_pct, send_loss_pct, jitter_ms, rtt_ms, sent_height,"
            + " recv_height, fps, mos, grade, jitsi_score) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,"
            + "$15,$16,$17,$18,$19)",
        s -> Tuple.from(new Object[] {s.windowEnd().atOffset(java.time.ZoneOffset.UTC), 10.0, s.meeting(),
            s.endpointId(), "s", s.site().code(), "north", 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0, 0, 0.0, s.mos(), "good",
            100}), pool, 10, 4, registry);
    for (int i = 0; i < 25; i++) {
      writer.offer(sample("m", "STP-HNI", 4.2));
    }
    assertThat(registry.get("collector_store_dropped_total").tag("reason", "queue_full").counter().count())
        .isEqualTo(15);
    while (writer.queued() > 0) {
      await(writer.flush());
    }
    assertThat(count("SELECT count(*) FROM telemetry.quality_sample")).isEqualTo(10);
    assertThat(registry.get("collector_store_written_total").counter().count()).isEqualTo(10);
  }

  @Test
  void ingestedStatsReachTheDatabase(Vertx vertx) throws Exception {
    Collector collector = TestCollector.start(vertx, TestCollector.config("collector.db.flush-millis = 100"),
        Clock.systemUTC(), pool);
    WsProbe.oneWindow(WsProbe.client(vertx), collector.port(), "db1", "room1", "ep2",
        Frames.getstats(Frames.T0, 0, 0, 0, 0, 0, 0.01, 0.3),
        Frames.getstats(Frames.T0 + 10_000, 100_000, 500, 40_000, 400, 100, 0.05, 0.3));
    Awaitility.await().until(() -> count("SELECT count(*) FROM telemetry.quality_sample") == 1);
    var row = await(pool.query("SELECT site_code, grade, recv_loss_pct FROM telemetry.quality_sample").execute())
        .iterator().next();
    assertThat(row.getString("site_code")).isEqualTo("THADS-HNI");
    assertThat(row.getDouble("recv_loss_pct")).isEqualTo(20.0);
    assertThat(row.getString("grade")).isEqualTo("bad");
  }
}
