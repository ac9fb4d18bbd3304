package vn.hoinghi.collector.rtcstats;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One WebRTC stats report (e.g. an {@code inbound-rtp}) of a peer connection as rebuilt from delta-compressed
 * samples: a view of its row in the {@link PeerConnectionStats}. Only the fields the filter retains are kept.
 */
public final class StatsReport {

  private final String id;
  private final PeerConnectionStats pc;
  private final int row;
  /** Fields without a slot, only under a filter that keeps everything. */
  private Map<String, Object> extra;

  StatsReport(String id, PeerConnectionStats pc, int row) {
    this.id = id;
    this.pc = pc;
    this.row = row;
  }

  public String id() {
    return id;
  }

  int row() {
    return row;
  }

  public String type() {
    return pc.other(row, ReportFilter.TYPE) instanceof String s ? s : null;
  }

  /** A field's value: numbers as Double, strings, booleans, structures as Map/List; null when absent. */
  public Object get(String field) {
    int slot = pc.filter().slotOf(field);
    if (slot >= 0) {
      return value(slot);
    }
    return extra == null ? null : extra.get(field);
  }

  private Object value(int slot) {
    Object other = pc.other(row, slot);
    if (other != null) {
      return other;
    }
    double n = pc.number(row, slot);
    return Double.isNaN(n) ? null : n;
  }

  /** A numeric field, or NaN when absent or not a number. */
  public double number(String field) {
    int slot = pc.filter().slotOf(field);
    if (slot >= 0) {
      return pc.number(row, slot);
    }
    return get(field) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  public String string(String field) {
    return get(field) instanceof String s ? s : null;
  }

  /** The last value the quality layer saw of its cumulative counter {@code k} (0..2), NaN before the first. */
  public double lastCounter(int k) {
    return pc.counter(row, k);
  }

  public void lastCounter(int k, double value) {
    pc.counter(row, k, value);
  }

  /** The kept fields by name (slots first); for tests and diagnostics, not for the per-frame path. */
  public Map<String, Object> fields() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (int s = 0; s < pc.filter().slotCount(); s++) {
      Object v = value(s);
      if (v != null) {
        all.put(pc.filter().name(s), v);
      }
    }
    if (extra != null) {
      all.putAll(extra);
    }
    return Collections.unmodifiableMap(all);
  }

  void putExtra(String field, Object value) {
    if (extra == null) {
      extra = new HashMap<>(8);
    }
    extra.put(field, value);
  }
}
