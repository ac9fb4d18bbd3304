package vn.hoinghi.collector.rtcstats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of a stats report are kept between samples, each in a fixed slot of its {@link StatsReport}. Names
 * are matched straight against the frame's bytes through a small table indexed by length and first and last byte:
 * a dropped field (most of a getstats sample) usually lands on an empty entry, without a comparison or an
 * allocation. {@code type}, {@code timestamp} and
 * {@code id} always have slots 0, 1 and 2 (the id is recognised only to be dropped).
 */
public final class ReportFilter {

  /** Not kept. */
  public static final int DROP = -1;
  /** Kept, but without a slot: only a filter that keeps every field has such fields. */
  public static final int EXTRA = -2;
  static final int TYPE = 0;
  static final int TIMESTAMP = 1;
  static final int ID = 2;

  /** What the quality layer reads (DESIGN §3 quality inputs); every other field is skipped unread. */
  public static final ReportFilter QUALITY = new ReportFilter(false, "kind", "mediaType", "bytesSent",
      "bytesReceived", "packetsSent", "packetsReceived", "packetsLost", "jitter", "roundTripTime",
      "currentRoundTripTime", "frameHeight", "framesPerSecond", "state", "nominated", "ssrc");

  /** Everything: used to check the decompression against recorded frames. */
  public static final ReportFilter ALL = new ReportFilter(true);

  private final boolean keepOthers;
  private final String[] names;
  private final Map<String, Integer> slots = new HashMap<>();
  private final byte[][] utf8;
  /** Candidate slots per {@link #bucket}; most entries are empty. */
  private final int[][] table = new int[TABLE_SIZE][];
  private static final int TABLE_SIZE = 256;

  private ReportFilter(boolean keepOthers, String... kept) {
    this.keepOthers = keepOthers;
    Set<String> all = new LinkedHashSet<>(List.of("type", "timestamp", "id"));
    all.addAll(List.of(kept));
    this.names = all.toArray(new String[0]);
    this.utf8 = new byte[names.length][];
    for (int s = 0; s < names.length; s++) {
      slots.put(names[s], s);
      utf8[s] = names[s].getBytes(StandardCharsets.UTF_8);
      int bucket = bucket(utf8[s], 0, utf8[s].length);
      int[] old = table[bucket] == null ? new int[0] : table[bucket];
      int[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = s;
      table[bucket] = grown;
    }
  }

  private static int bucket(byte[] bytes, int offset, int length) {
    return length == 0 ? 0 : (length * 31 + bytes[offset] * 7 + bytes[offset + length - 1]) & (TABLE_SIZE - 1);
  }

  /** The slot of the field whose name is these UTF-8 bytes, or {@link #EXTRA} or {@link #DROP}. */
  int slot(byte[] bytes, int offset, int length) {
    int[] candidates = table[bucket(bytes, offset, length)];
    if (candidates != null) {
      for (int s : candidates) {
        if (utf8[s].length == length && Arrays.equals(utf8[s], 0, length, bytes, offset, offset + length)) {
          return s;
        }
      }
    }
    return keepOthers ? EXTRA : DROP;
  }

  /** The slot of a named field, or {@link #EXTRA} or {@link #DROP}. */
  public int slotOf(String field) {
    Integer s = slots.get(field);
    return s != null ? s : keepOthers ? EXTRA : DROP;
  }

  public boolean retains(String field) {
    return slotOf(field) != DROP;
  }

  String name(int slot) {
    return names[slot];
  }

  int slotCount() {
    return names.length;
  }

}
