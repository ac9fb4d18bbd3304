package vn.hoinghi.collector.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why storage is not keeping up, per table, as /health reports it: set when a batch write fails for a reason that
 * passes (disk full, database unreachable), cleared when that table's next batch lands. Ingest and the live feed do
 * not depend on it, so the collector is DEGRADED, not DOWN, while it is set.
 */
public final class StoreHealth {

  public static final String DISK_FULL = "disk_full";
  public static final String DATABASE_UNAVAILABLE = "database_unavailable";

  private final Map<String, String> failing = new ConcurrentHashMap<>();

  void failed(String table, String reason) {
    failing.put(table, reason);
  }

  void recovered(String table) {
    failing.remove(table);
  }

  /** The reasons storage is degraded (empty when healthy), disk_full first since it needs an operator. */
  public java.util.List<String> reasons() {
    return failing.values().stream().distinct().sorted((a, b) -> a.equals(DISK_FULL) ? -1 : b.equals(DISK_FULL) ? 1
        : a.compareTo(b)).toList();
  }
}
