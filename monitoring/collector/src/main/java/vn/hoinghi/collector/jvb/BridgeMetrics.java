package vn.hoinghi.collector.jvb;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Bridge gauges by region only (bridges per status, highest stress, participants): a fleet's size never changes the
 * number of series. Per-bridge detail is in {@code /api/v1/bridges} and the bridge_sample table.
 */
public final class BridgeMetrics implements Consumer<BridgeSample> {

  private final Map<String, BridgeSample> latest = new ConcurrentHashMap<>();

  public BridgeMetrics(MeterRegistry registry, Set<String> regions) {
    List<String> labels = new ArrayList<>(regions);
    labels.add("unknown");
    for (String region : labels) {
      for (BridgeStatus status : BridgeStatus.values()) {
        Gauge.builder("collector_jvb_bridges", () -> latest.values().stream()
                .filter(s -> region.equals(label(s.region(), regions)) && s.status() == status).count())
            .tag("region", region).tag("status", status.name()).description("Configured bridges by last poll status")
            .register(registry);
      }
      Gauge.builder("collector_jvb_stress_max", () -> latest.values().stream()
              .filter(s -> region.equals(label(s.region(), regions)) && s.status() == BridgeStatus.UP)
              .mapToDouble(BridgeSample::stressLevel).max().orElse(0))
          .tag("region", region).description("Highest stress_level of the region's answering bridges")
          .register(registry);
      Gauge.builder("collector_jvb_participants", () -> latest.values().stream()
              .filter(s -> region.equals(label(s.region(), regions)) && s.status() == BridgeStatus.UP)
              .mapToInt(BridgeSample::participants).sum())
          .tag("region", region).description("Participants on the region's answering bridges").register(registry);
    }
  }

  private static String label(String region, Set<String> regions) {
    return regions.contains(region) ? region : "unknown";
  }

  @Override
  public void accept(BridgeSample sample) {
    latest.put(sample.bridge(), sample);
  }
}
