package vn.hoinghi.collector.rtcstats;

import java.util.HashMap;
import java.util.Map;

/**
 * One WebRTC stats report (e.g. an {@code inbound-rtp}) of a peer connection as rebuilt from delta-compressed
 * samples. Only the fields a {@link ReportFilter} retains are kept, which bounds memory per connection.
 */
public final class StatsReport {

  private final String id;
  private final Map<String, Object> fields = new HashMap<>(8);
  int seenInGeneration;
  boolean timestampFromSample;
  /** Slot for the quality layer's counter memo of this report; lives and dies with the report. */
  public Object memo;

  StatsReport(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public String type() {
    Object type = fields.get("type");
    return type instanceof String s ? s : null;
  }

  public Object get(String field) {
    return fields.get(field);
  }

  /** A numeric field, or NaN when absent or not a number. */
  public double number(String field) {
    return fields.get(field) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  public String string(String field) {
    return fields.get(field) instanceof String s ? s : null;
  }

  public Map<String, Object> fields() {
    return java.util.Collections.unmodifiableMap(fields);
  }

  void put(String field, Object value) {
    fields.put(field, value);
  }
}
