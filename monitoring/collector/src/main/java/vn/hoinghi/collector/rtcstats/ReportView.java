package vn.hoinghi.collector.rtcstats;

/**
 * Read access to one report's row of a {@link PeerConnectionStats}. {@link PeerConnectionStats#forEachReport} moves
 * one view over all rows, so reading every report of a frame touches only the peer connection's flat arrays, not
 * one object per report (each a likely cache miss with thousands of sessions).
 */
public class ReportView {

  final PeerConnectionStats pc;
  int row;

  ReportView(PeerConnectionStats pc, int row) {
    this.pc = pc;
    this.row = row;
  }

  public String type() {
    return pc.other(row, ReportFilter.TYPE) instanceof String s ? s : null;
  }

  public ReportFilter filter() {
    return pc.filter();
  }

  /** A field's value: numbers as Double, strings, booleans, structures as Map/List; null when absent. */
  public Object get(String field) {
    int slot = pc.filter().slotOf(field);
    return slot >= 0 ? value(slot) : pc.extra(row, field);
  }

  Object value(int slot) {
    Object other = pc.other(row, slot);
    if (other != null) {
      return other;
    }
    double n = pc.number(row, slot);
    return Double.isNaN(n) ? null : n;
  }

  /** A numeric field, or NaN when absent or not a number. */
  public double number(String field) {
    return number(pc.filter().slotOf(field), field);
  }

  /**
   * A numeric field by a slot resolved once with {@link ReportFilter#slotOf} (the per-frame path); a field without a
   * slot under this report's filter is looked up by name.
   */
  public double number(int slot, String field) {
    if (slot >= 0) {
      return pc.number(row, slot);
    }
    return pc.extra(row, field) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  public String string(String field) {
    return get(field) instanceof String s ? s : null;
  }

  /** A string field by a slot resolved once (see {@link #number(int, String)}). */
  public String string(int slot, String field) {
    Object v = slot >= 0 ? pc.other(row, slot) : pc.extra(row, field);
    return v instanceof String s ? s : null;
  }

  /** The last value the quality layer saw of its cumulative counter {@code k} (0..2), NaN before the first. */
  public double lastCounter(int k) {
    return pc.counter(row, k);
  }

  public void lastCounter(int k, double value) {
    pc.counter(row, k, value);
  }
}
