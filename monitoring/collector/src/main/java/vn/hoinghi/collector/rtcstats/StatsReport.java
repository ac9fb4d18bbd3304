package vn.hoinghi.collector.rtcstats;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One WebRTC stats report (e.g. an {@code inbound-rtp}) of a peer connection as rebuilt from delta-compressed
 * samples: its id and a fixed view of its row in the {@link PeerConnectionStats}. Only the fields the filter
 * retains are kept.
 */
public final class StatsReport extends ReportView {

  private final String id;
  /** Fields without a slot, only under a filter that keeps everything. */
  private Map<String, Object> extra;

  StatsReport(String id, PeerConnectionStats pc, int row) {
    super(pc, row);
    this.id = id;
  }

  public String id() {
    return id;
  }

  int row() {
    return row;
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

  Object extra(String field) {
    return extra == null ? null : extra.get(field);
  }

  void putExtra(String field, Object value) {
    if (extra == null) {
      extra = new HashMap<>(8);
    }
    extra.put(field, value);
  }
}
