package vn.hoinghi.collector.rtcstats;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The decompression state of one peer connection's {@code getstats} samples, as lib-jitsi-meet's rtcstats client
 * compresses them (DESIGN §3): {@code id} is stripped, a field equal to the previous sample's is dropped, a report
 * missing from a sample was removed, nested objects are always resent, a report {@code timestamp} of 0 stands for the
 * sample's top-level {@code timestamp} (the newest of its reports).
 * Usage per sample: {@link #beginSample()}, {@link #report(String)} / {@link #put} for every report and field, then
 * {@link #endSample(double)}.
 */
public final class PeerConnectionStats {

  private final Map<String, StatsReport> reports = new HashMap<>();
  private final ReportFilter filter;
  private final int maxReports;
  private int generation;
  private double lastSampleTimestamp = Double.NaN;

  public PeerConnectionStats(ReportFilter filter, int maxReports) {
    this.filter = filter;
    this.maxReports = maxReports;
  }

  public void beginSample() {
    generation++;
  }

  /** The report with this id, created when new; null when the bound on reports per peer connection is reached. */
  public StatsReport report(String id) {
    StatsReport report = reports.get(id);
    if (report == null) {
      if (reports.size() >= maxReports) {
        return null;
      }
      report = new StatsReport(id);
      reports.put(id, report);
    }
    report.seenInGeneration = generation;
    report.timestampFromSample = false;
    return report;
  }

  public void put(StatsReport report, String field, Object value) {
    if ("timestamp".equals(field) && value instanceof Number n && n.doubleValue() == 0) {
      report.timestampFromSample = true;
      return;
    }
    if ("type".equals(field) || filter.retains(field)) {
      report.put(field, value);
    }
  }

  ReportFilter filter() {
    return filter;
  }

  public boolean retains(String field) {
    return "type".equals(field) || filter.retains(field);
  }

  /** Ends a sample: drops reports it did not mention and resolves {@code timestamp: 0}. */
  public void endSample(double sampleTimestamp) {
    lastSampleTimestamp = sampleTimestamp;
    reports.values().removeIf(r -> r.seenInGeneration != generation);
    for (StatsReport r : reports.values()) {
      if (r.timestampFromSample) {
        r.put("timestamp", sampleTimestamp);
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
