package vn.hoinghi.collector.rtcstats;

import java.util.Set;

/** Which fields of a stats report are kept between samples. {@code type}, {@code timestamp} and {@code id} always. */
public interface ReportFilter {

  /** Fields every reader must see: the type, the timestamp (0 = the sample's) and the id (to drop it). */
  Set<String> ALWAYS = Set.of("type", "timestamp", "id");

  boolean retains(String field);

  /** The name as a String when kept (or always needed), else null; from chars, so a dropped name costs nothing. */
  default String name(char[] chars, int offset, int length) {
    return keep(new String(chars, offset, length));
  }

  default String keep(String name) {
    return ALWAYS.contains(name) || retains(name) ? name : null;
  }

  /** Everything: used to check the decompression against recorded frames. */
  ReportFilter ALL = field -> true;

  /** What the quality layer reads (DESIGN §3 quality inputs); every other field is skipped unread. */
  ReportFilter QUALITY = new NamedFields("type", "timestamp", "id", "kind", "mediaType", "bytesSent",
      "bytesReceived", "packetsSent", "packetsReceived", "packetsLost", "jitter", "roundTripTime",
      "currentRoundTripTime", "frameHeight", "framesPerSecond", "state", "nominated", "ssrc");
}
