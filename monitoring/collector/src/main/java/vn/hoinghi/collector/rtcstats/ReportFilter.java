package vn.hoinghi.collector.rtcstats;

import java.util.Set;

/** Which fields of a stats report are kept between samples. {@code type} is always kept. */
public interface ReportFilter {

  boolean retains(String field);

  /** Everything: used to check the decompression against recorded frames. */
  ReportFilter ALL = field -> true;

  /** What the quality layer reads (DESIGN §3 quality inputs); every other field is parsed and dropped. */
  ReportFilter QUALITY = new ReportFilter() {
    // A HashSet, not Set.of: most fields are not kept, and a miss in HashSet is one bucket (Set.of probes).
    private final Set<String> kept = new java.util.HashSet<>(Set.of("type", "kind", "mediaType", "timestamp", "bytesSent", "bytesReceived",
        "packetsSent", "packetsReceived", "packetsLost", "jitter", "roundTripTime", "currentRoundTripTime",
        "frameHeight", "framesPerSecond", "state", "nominated", "ssrc"));

    @Override
    public boolean retains(String field) {
      return kept.contains(field);
    }
  };
}
