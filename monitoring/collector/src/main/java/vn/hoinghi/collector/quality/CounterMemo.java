package vn.hoinghi.collector.quality;

import vn.hoinghi.collector.rtcstats.ReportView;

/**
 * The increase of a report's cumulative counters since the last sample, from the last values the report keeps
 * ({@link ReportView#lastCounter}). A counter that goes
 * down (a stream restarted, a 32-bit wrap, a hostile client) contributes nothing and is counted as a reset; negative
 * or non-finite values are ignored and counted as invalid.
 */
final class CounterMemo {

  private CounterMemo() {}

  static final int BYTES = 0;
  static final int PACKETS = 1;
  static final int LOST = 2;

  /** The increase of counter {@code slot} to {@code value}; 0 on the first sighting, a reset or an invalid value. */
  static double delta(ReportView report, int slot, double value, ResetCounter resets) {
    if (Double.isNaN(value)) {
      return 0;
    }
    if (value < 0 || Double.isInfinite(value) || value > 9.0e15) {
      resets.invalid();
      return 0;
    }
    double previous = report.lastCounter(slot);
    report.lastCounter(slot, value);
    if (Double.isNaN(previous)) {
      return 0;
    }
    if (value < previous) {
      resets.reset();
      return 0;
    }
    return value - previous;
  }

  /** Where resets and invalid values are counted (a metric in production). */
  interface ResetCounter {
    void reset();

    void invalid();
  }
}
