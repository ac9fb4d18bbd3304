package vn.hoinghi.collector.rtcstats;

/**
 * An rtcstats frame {@code {"statsSessionId","type","data"}}. A string {@code data} (stats-entry) is kept as UTF-8
 * bytes with its escapes resolved, {@code data[dataOffset, dataOffset + dataLength)}, for the {@link EntryReader};
 * it may live in a per-thread scratch buffer, so it is valid only while the frame is being handled. A structured
 * {@code data} (identity) is re-read from the frame bytes, which is rare.
 */
public record Frame(String statsSessionId, String type, byte[] data, int dataOffset, int dataLength,
                    boolean structuredData) {

  public static final String IDENTITY = "identity";
  public static final String STATS_ENTRY = "stats-entry";
  public static final String KEEPALIVE = "keepalive";
}
