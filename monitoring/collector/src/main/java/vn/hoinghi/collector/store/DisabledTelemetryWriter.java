package vn.hoinghi.collector.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.hoinghi.collector.jvb.BridgeSample;
import vn.hoinghi.collector.quality.AlertEvent;
import vn.hoinghi.collector.quality.QualitySample;

/** Storage switched off ({@code db.enabled = false}): every row is counted as dropped, reason "disabled". */
public final class DisabledTelemetryWriter implements TelemetryWriter {

  private final Counter dropped;

  public DisabledTelemetryWriter(MeterRegistry registry) {
    dropped = Counter.builder("collector_store_dropped_total").tag("table", "all").tag("reason", "disabled")
        .register(registry);
  }

  @Override
  public void quality(QualitySample sample) {
    dropped.increment();
  }

  @Override
  public void alert(AlertEvent event) {
    dropped.increment();
  }

  @Override
  public void bridge(BridgeSample sample) {
    dropped.increment();
  }
}
