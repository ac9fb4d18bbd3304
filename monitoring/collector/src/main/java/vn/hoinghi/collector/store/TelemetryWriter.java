package vn.hoinghi.collector.store;

import vn.hoinghi.collector.jvb.BridgeSample;
import vn.hoinghi.collector.quality.AlertEvent;
import vn.hoinghi.collector.quality.QualitySample;

/**
 * Accepts rows for the {@code telemetry} schema without ever blocking the caller: rows are queued and written in
 * batches; a full queue drops the row, counts it and logs it.
 */
public interface TelemetryWriter {

  void quality(QualitySample sample);

  void alert(AlertEvent event);

  void bridge(BridgeSample sample);
}
