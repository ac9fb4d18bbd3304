package vn.hoinghi.collector.rtcstats;

/**
 * An rtcstats frame {@code {"statsSessionId","type","data"}}. A string {@code data} (stats-entry) is kept as chars for
 * the {@link EntryReader}; a structured one (identity) is re-read from the frame bytes, which is rare.
 */
public record Frame(String statsSessionId, String type, char[] data, boolean structuredData) {

  public static final String IDENTITY = "identity";
  public static final String STATS_ENTRY = "stats-entry";
  public static final String KEEPALIVE = "keepalive";
}
