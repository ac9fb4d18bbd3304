package vn.hoinghi.collector.quality;

/** Where finished windows go (rollups, alerts, live feed, storage). Called from any event loop. */
public interface QualitySink {

  void sample(QualitySample sample);

  /** The participant's last connection ended for good (left, or its reconnect memory expired). */
  void left(String meeting, String endpointId);
}
