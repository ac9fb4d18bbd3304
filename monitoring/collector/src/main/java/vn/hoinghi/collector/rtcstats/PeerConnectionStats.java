package vn.hoinghi.collector.rtcstats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The decompression state of one peer connection's {@code getstats} samples, as lib-jitsi-meet's rtcstats client
 * compresses them (DESIGN §3): {@code id} is stripped, a field equal to the previous sample's is dropped, a report
 * missing from a sample was removed, nested objects are always resent, a report {@code timestamp} of 0 stands for the
 * sample's top-level {@code timestamp} (the newest of its reports).
 *
 * <p>Reports live in rows of flat arrays, one row per report and one column per {@link ReportFilter} slot. With
 * thousands of participants none of this is in the CPU's caches when a frame arrives; a frame walks its rows in
 * order instead of chasing a map, boxed numbers and per-report objects, which is most of what a frame costs.
 *
 * <p>Usage per sample: {@link #beginSample()}, {@link #report} / {@link #putNumber} / {@link #put} for every report
 * and field, then {@link #endSample(double)}.
 */
public final class PeerConnectionStats {

  private static final int COUNTERS = 3;

  private final ReportFilter filter;
  private final int width;
  private final int maxReports;
  private final Map<String, StatsReport> reports = new HashMap<>();
  private StatsReport[] byRow = new StatsReport[8];
  private double[] numbers;
  private Object[] others;
  private double[] counters;
  private int[] seenIn;
  private boolean[] timestampFromSample;
  private int rows;
  private int[] freeRows = new int[8];
  private int free;
  /** The previous sample's reports in order (a browser lists them in the same order every time): a guess. */
  private long[] orderKeys = new long[8];
  private int[] orderRows = new int[8];
  private int orderLength;
  private long[] seenKeys = new long[8];
  private int[] seenRows = new int[8];
  private int seen;
  private int generation;
  private double lastSampleTimestamp = Double.NaN;

  public PeerConnectionStats(ReportFilter filter, int maxReports) {
    this.filter = filter;
    this.width = filter.slotCount();
    this.maxReports = maxReports;
    this.numbers = new double[8 * width];
    Arrays.fill(numbers, Double.NaN);
    this.counters = new double[8 * COUNTERS];
    Arrays.fill(counters, Double.NaN);
    this.seenIn = new int[8];
    this.timestampFromSample = new boolean[8];
  }

  public void beginSample() {
    generation++;
    seen = 0; // a sample that failed half way must not leak into this one
  }

  /**
   * The row of the report whose id is these UTF-8 bytes, created when new; -1 when the bound on reports is reached.
   * The report at the same position in the previous sample is tried first by a 64-bit hash of the id, which spares
   * building the id and touching the report (a hash collision between two ids of one peer connection at the same
   * position would mix two reports' numbers for one sample of that participant only).
   */
  int report(byte[] bytes, int offset, int length) {
    long key = key(bytes, offset, length);
    if (seen < orderLength && orderKeys[seen] == key) {
      return mark(orderRows[seen], key);
    }
    StatsReport r = report(new String(bytes, offset, length, StandardCharsets.UTF_8), key);
    return r == null ? -1 : r.row();
  }

  /** The report with this id, created when new; null when the bound on reports per peer connection is reached. */
  public StatsReport report(String id) {
    byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
    return report(id, key(utf8, 0, utf8.length));
  }

  private StatsReport report(String id, long key) {
    StatsReport report = reports.get(id);
    if (report == null) {
      if (reports.size() >= maxReports) {
        return null;
      }
      report = new StatsReport(id, this, newRow());
      reports.put(id, report);
      byRow[report.row()] = report;
    }
    mark(report.row(), key);
    return report;
  }

  private int mark(int row, long key) {
    if (seenIn[row] != generation) {
      seenIn[row] = generation;
      if (seen == seenKeys.length) {
        seenKeys = Arrays.copyOf(seenKeys, seen * 2);
        seenRows = Arrays.copyOf(seenRows, seen * 2);
      }
      seenKeys[seen] = key;
      seenRows[seen++] = row;
    }
    timestampFromSample[row] = false;
    return row;
  }

  /** Stores a numeric field; {@code timestamp: 0} means "the sample's timestamp", resolved at the end. */
  void putNumber(int row, int slot, double value) {
    if (slot == ReportFilter.TIMESTAMP && value == 0) {
      timestampFromSample[row] = true;
      return;
    }
    numbers[row * width + slot] = value;
    if (others != null) {
      others[row * width + slot] = null;
    }
  }

  /** Stores any kept field with a slot. */
  void put(int row, int slot, Object value) {
    if (value instanceof Number n) {
      putNumber(row, slot, n.doubleValue());
      return;
    }
    if (others == null) {
      others = new Object[numbers.length];
    }
    others[row * width + slot] = value instanceof String s ? KnownValues.canonical(s) : value;
    numbers[row * width + slot] = Double.NaN;
  }

  /** Stores a kept field without a slot (only under {@link ReportFilter#ALL}). */
  void putExtra(int row, String field, Object value) {
    byRow[row].putExtra(field, value);
  }

  double number(int row, int slot) {
    return numbers[row * width + slot];
  }

  Object other(int row, int slot) {
    return others == null ? null : others[row * width + slot];
  }

  Object extra(int row, String field) {
    return byRow[row] == null ? null : byRow[row].extra(field);
  }

  double counter(int row, int k) {
    return counters[row * COUNTERS + k];
  }

  void counter(int row, int k, double value) {
    counters[row * COUNTERS + k] = value;
  }

  ReportFilter filter() {
    return filter;
  }

  /** Ends a sample: drops reports it did not mention and resolves {@code timestamp: 0}. */
  public void endSample(double sampleTimestamp) {
    lastSampleTimestamp = sampleTimestamp;
    if (seen != reports.size()) {
      reports.values().removeIf(r -> {
        boolean gone = seenIn[r.row()] != generation;
        if (gone) {
          freeRow(r.row());
        }
        return gone;
      });
    }
    for (int k = 0; k < seen; k++) {
      int row = seenRows[k];
      if (timestampFromSample[row]) {
        numbers[row * width + ReportFilter.TIMESTAMP] = sampleTimestamp;
      }
    }
    long[] keys = orderKeys;
    int[] rowsInOrder = orderRows;
    orderKeys = seenKeys;
    orderRows = seenRows;
    orderLength = seen;
    seenKeys = keys.length >= orderKeys.length ? keys : Arrays.copyOf(keys, orderKeys.length);
    seenRows = rowsInOrder.length >= orderRows.length ? rowsInOrder : Arrays.copyOf(rowsInOrder, orderRows.length);
    seen = 0;
  }

  private int newRow() {
    if (free > 0) {
      return freeRows[--free];
    }
    if (rows == byRow.length) {
      int capacity = rows * 2;
      byRow = Arrays.copyOf(byRow, capacity);
      numbers = grow(numbers, capacity * width);
      counters = grow(counters, capacity * COUNTERS);
      others = others == null ? null : Arrays.copyOf(others, capacity * width);
      seenIn = Arrays.copyOf(seenIn, capacity);
      timestampFromSample = Arrays.copyOf(timestampFromSample, capacity);
    }
    return rows++;
  }

  private void freeRow(int row) {
    Arrays.fill(numbers, row * width, (row + 1) * width, Double.NaN);
    Arrays.fill(counters, row * COUNTERS, (row + 1) * COUNTERS, Double.NaN);
    if (others != null) {
      Arrays.fill(others, row * width, (row + 1) * width, null);
    }
    byRow[row] = null;
    if (free == freeRows.length) {
      freeRows = Arrays.copyOf(freeRows, free * 2);
    }
    freeRows[free++] = row;
  }

  private static double[] grow(double[] a, int length) {
    int old = a.length;
    double[] b = Arrays.copyOf(a, length);
    Arrays.fill(b, old, length, Double.NaN);
    return b;
  }

  /** FNV-1a over the id's bytes. */
  private static long key(byte[] bytes, int offset, int length) {
    long h = 0xcbf29ce484222325L;
    for (int k = offset; k < offset + length; k++) {
      h = (h ^ (bytes[k] & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /**
   * Shows every report to {@code visitor} in row order through one moving {@link ReportView} (valid only during the
   * call): the per-frame way to read them all.
   */
  public void forEachReport(java.util.function.Consumer<ReportView> visitor) {
    ReportView view = new ReportView(this, 0);
    for (int row = 0; row < rows; row++) {
      if (byRow[row] != null) {
        view.row = row;
        visitor.accept(view);
      }
    }
  }

  public Collection<StatsReport> reports() {
    return Collections.unmodifiableCollection(reports.values());
  }

  public StatsReport get(String id) {
    return reports.get(id);
  }

  public int size() {
    return reports.size();
  }

  public double lastSampleTimestamp() {
    return lastSampleTimestamp;
  }
}
