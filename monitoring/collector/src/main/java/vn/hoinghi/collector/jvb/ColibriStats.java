package vn.hoinghi.collector.jvb;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import vn.hoinghi.collector.config.CollectorConfig;

/** Reads the JVB {@code /colibri/stats} JSON (DESIGN §3 names); absent or odd values read as 0. */
final class ColibriStats {

  private ColibriStats() {}

  static BridgeSample parse(CollectorConfig.Bridge b, JsonObject j, Instant at) {
    return new BridgeSample(at, b.id(), b.region(), BridgeStatus.UP, num(j, "stress_level"),
        (int) num(j, "conferences"), (int) num(j, "participants"), num(j, "bit_rate_download"),
        num(j, "bit_rate_upload"), num(j, "packet_rate_download"), num(j, "packet_rate_upload"),
        num(j, "rtt_aggregate"), bool(j, "drain"), bool(j, "shutting_down"), str(j, "version"));
  }

  static BridgeSample failed(CollectorConfig.Bridge b, BridgeStatus status, Instant at) {
    return new BridgeSample(at, b.id(), b.region(), status, 0, 0, 0, 0, 0, 0, 0, 0, false, false, null);
  }

  private static double num(JsonObject j, String key) {
    Object v = j.getValue(key);
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static boolean bool(JsonObject j, String key) {
    Object v = j.getValue(key);
    return Boolean.TRUE.equals(v) || "true".equals(v);
  }

  private static String str(JsonObject j, String key) {
    Object v = j.getValue(key);
    return v == null ? null : String.valueOf(v);
  }
}
