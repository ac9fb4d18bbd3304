package vn.hoinghi.collector.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hoinghi.collector.rtcstats.CloseReason;

/**
 * Every meter of the collector, registered up front with closed label sets (frame type, close reason, region,
 * grade): never a meeting, site or participant id, so /metrics stays the same size however many meetings run.
 */
public final class CollectorMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private static final int SAMPLE_EVERY = 8;
  private final AtomicInteger connections = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong sampleTick = new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, Counter> frames = new ConcurrentHashMap<>();
  private final Map<CloseReason, Counter> closes = new EnumMap<>(CloseReason.class);
  private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
  private final Map<String, Counter> lookups = new ConcurrentHashMap<>();
  private final Counter frameBytes;
  private final Counter counterResets;
  private final Counter invalidCounters;
  private final Counter reconnects;
  private final Counter storeResumes;
  private final Counter untapped;
  private final Timer lag;
  private final Timer processing;
  private final DistributionSummary frameSize;

  public CollectorMetrics() {
    Gauge.builder("collector_ws_connections", connections, AtomicInteger::get)
        .description("Open rtcstats WebSocket connections").register(registry);
    for (String type : new String[] {"identity", "stats_entry", "keepalive", "other"}) {
      frames.put(type, Counter.builder("collector_frames_total").tag("type", type)
          .description("rtcstats frames accepted, by type").register(registry));
    }
    for (CloseReason reason : CloseReason.values()) {
      closes.put(reason, Counter.builder("collector_ws_closed_total").tag("reason", reason.label())
          .description("Connections the collector closed, by reason").register(registry));
    }
    for (String reason : new String[] {"subprotocol", "unauthorized", "overloaded", "handshake_timeout"}) {
      rejected.put(reason, Counter.builder("collector_ws_rejected_total").tag("reason", reason)
          .description("WebSocket handshakes refused, by reason").register(registry));
    }
    for (String outcome : new String[] {"found", "unknown", "failed", "gave_up"}) {
      lookups.put(outcome, Counter.builder("collector_attribution_lookups_total").tag("outcome", outcome)
          .description("Site lookups by outcome; failed ones are retried with backoff, gave_up after 8 retries")
          .register(registry));
    }
    // Micrometer appends the unit and _total: this is collector_frame_bytes_total (the old name doubled both).
    frameBytes = Counter.builder("collector_frame").baseUnit("bytes")
        .description("Bytes of rtcstats frames accepted").register(registry);
    counterResets = Counter.builder("collector_counter_resets_total")
        .description("Cumulative counters that went down (restart or wrap); their window contribution is 0")
        .register(registry);
    invalidCounters = Counter.builder("collector_counter_invalid_total")
        .description("Negative or non-finite counter values ignored").register(registry);
    reconnects = Counter.builder("collector_ws_reconnects_total")
        .description("Reconnects (isReconnect=true) answered with the last sequence number seen").register(registry);
    storeResumes = Counter.builder("collector_ws_store_resumes_total")
        .description("Reconnects of sessions this process did not know, resumed after their last stored window")
        .register(registry);
    // Connections whose data frames go through Vert.x's frame handler instead of the Netty tap (should stay 0).
    untapped = Counter.builder("collector_ws_untapped_connections_total").register(registry);
    lag = Timer.builder("collector_ingest_lag_seconds")
        .description("From the client's stamp on a stats entry to its quality being folded (same-host clocks only)")
        .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofSeconds(30))
        .distributionStatisticBufferLength(3).register(registry);
    processing = Timer.builder("collector_ingest_processing_seconds")
        .description("Server time to decode, decompress and fold one frame")
        .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofSeconds(30))
        .distributionStatisticBufferLength(3).register(registry);
    frameSize = DistributionSummary.builder("collector_frame_size_bytes").baseUnit("bytes")
        .serviceLevelObjectives(1024, 4096, 8192, 16384, 65536, 1048576).register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public int openConnections() {
    return connections.get();
  }

  public void frame(String type, int bytes) {
    frames.getOrDefault(type, frames.get("other")).increment();
    frameBytes.increment(bytes);
    if (sampled()) {
      frameSize.record(bytes);
    }
  }

  /**
   * One frame in {@value #SAMPLE_EVERY} feeds the distributions: at 50,000 frames/s the percentiles are as exact, and
   * the histogram bookkeeping is no longer a per-frame cost. Counters still count every frame.
   */
  public boolean sampled() {
    return (sampleTick.incrementAndGet() & (SAMPLE_EVERY - 1)) == 0;
  }

  public void closed(CloseReason reason) {
    closes.get(reason).increment();
  }

  public void rejected(String reason) {
    rejected.get(reason).increment();
  }

  public void attributionLookup(String outcome) {
    lookups.get(outcome).increment();
  }

  public void counterReset() {
    counterResets.increment();
  }

  public void counterInvalid() {
    invalidCounters.increment();
  }

  public void untapped() {
    untapped.increment();
  }

  public void storeResume() {
    storeResumes.increment();
  }

  public void reconnect() {
    reconnects.increment();
  }

  public void lagMillis(long millis) {
    lag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  public void processingNanos(long nanos) {
    processing.record(nanos, TimeUnit.NANOSECONDS);
  }

  public String scrape() {
    return registry.scrape();
  }
}
