package vn.hoinghi.collector.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import vn.hoinghi.collector.config.CollectorConfig;
import vn.hoinghi.collector.jvb.BridgeSample;
import vn.hoinghi.collector.quality.AlertEvent;
import vn.hoinghi.collector.quality.QualitySample;

/** Writes quality windows, alerts and bridge polls to the {@code telemetry} schema through three batch writers. */
public final class PgTelemetryWriter implements TelemetryWriter {

  private final BatchWriter<QualitySample> quality;
  private final BatchWriter<AlertEvent> alerts;
  private final BatchWriter<BridgeSample> bridges;

  public PgTelemetryWriter(Pool pool, CollectorConfig.Db config, MeterRegistry registry) {
    this(pool, config, registry, new StoreHealth());
  }

  public PgTelemetryWriter(Pool pool, CollectorConfig.Db config, MeterRegistry registry, StoreHealth health) {
    quality = new BatchWriter<>("quality_sample", """
        INSERT INTO telemetry.quality_sample (at, window_seconds, meeting, endpoint_id, stats_session_id, site_code,
          region, send_kbps, recv_kbps, recv_loss_pct, send_loss_pct, jitter_ms, rtt_ms, sent_height, recv_height,
          fps, mos, grade, jitsi_score, seq)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)""",
        PgTelemetryWriter::tuple, pool, config.queueCapacity(), config.batchSize(), registry, health);
    alerts = new BatchWriter<>("site_alert", """
        INSERT INTO telemetry.site_alert (at, meeting, site_code, region, raised, mos) VALUES ($1,$2,$3,$4,$5,$6)""",
        a -> Tuple.of(a.at().atOffset(ZoneOffset.UTC), a.meeting(), a.site().code(), a.site().region(), a.raised(),
            a.mos()), pool, config.queueCapacity(), config.batchSize(), registry, health);
    bridges = new BatchWriter<>("bridge_sample", """
        INSERT INTO telemetry.bridge_sample (at, bridge, region, status, stress_level, conferences, participants,
          bit_rate_download_kbps, bit_rate_upload_kbps, packet_rate_download, packet_rate_upload, rtt_aggregate_ms)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)""",
        b -> Tuple.from(new Object[] {b.at().atOffset(ZoneOffset.UTC), b.bridge(), b.region(), b.status().name(),
            b.stressLevel(), b.conferences(), b.participants(), b.bitRateDownloadKbps(), b.bitRateUploadKbps(),
            b.packetRateDownload(), b.packetRateUpload(), b.rttAggregateMs()}),
        pool, config.queueCapacity(), config.batchSize(), registry, health);
  }

  private static Tuple tuple(QualitySample s) {
    return Tuple.from(new Object[] {s.windowEnd().atOffset(ZoneOffset.UTC), s.windowSeconds(), s.meeting(),
        s.endpointId(), s.statsSessionId(), s.site().code(), s.site().region(), s.sendKbps(), s.recvKbps(),
        s.recvLossPct(), s.sendLossPct(), s.jitterMs(), s.rttMs(), s.sentHeight(), s.recvHeight(), s.fps(), s.mos(),
        s.grade().label(), s.jitsiScore(), s.seq()});
  }

  public void start(Vertx vertx, long flushMillis) {
    quality.start(vertx, flushMillis);
    alerts.start(vertx, flushMillis);
    bridges.start(vertx, flushMillis);
  }

  /** Writes everything queued now (tests, shutdown). */
  public io.vertx.core.Future<Void> flushAll() {
    return io.vertx.core.Future.all(quality.flush(), alerts.flush(), bridges.flush()).mapEmpty();
  }

  public int queued() {
    return quality.queued() + alerts.queued() + bridges.queued();
  }

  @Override
  public void quality(QualitySample sample) {
    quality.offer(sample);
  }

  @Override
  public void alert(AlertEvent event) {
    alerts.offer(event);
  }

  @Override
  public void bridge(BridgeSample sample) {
    bridges.offer(sample);
  }
}
