package vn.hoinghi.collector.quality;

/** DESIGN §3 grades of a MOS: good ≥ 4.0, fair ≥ 3.6, poor ≥ 3.1, bad below. */
public enum Grade {
  GOOD, FAIR, POOR, BAD;

  public static Grade of(double mos) {
    if (mos >= 4.0) {
      return GOOD;
    }
    if (mos >= 3.6) {
      return FAIR;
    }
    if (mos >= 3.1) {
      return POOR;
    }
    return BAD;
  }

  /** Poor or bad: what the 30-second site alert watches. */
  public boolean belowFair() {
    return this == POOR || this == BAD;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
