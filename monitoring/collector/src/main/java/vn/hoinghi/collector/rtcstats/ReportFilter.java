package vn.hoinghi.collector.rtcstats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of a stats report are kept between samples, each in a fixed slot of its {@link StatsReport}. Names
 * are matched straight against the frame's bytes, bucketed by length: a dropped field (most of a getstats sample) is
 * rejected after comparing a byte or two, without allocating its name. {@code type}, {@code timestamp} and
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
  private final int[][] byLength;

  private ReportFilter(boolean keepOthers, String... kept) {
    this.keepOthers = keepOthers;
    Set<String> all = new LinkedHashSet<>(List.of("type", "timestamp", "id"));
    all.addAll(List.of(kept));
    this.names = all.toArray(new String[0]);
    this.utf8 = new byte[names.length][];
    int max = 0;
    for (int s = 0; s < names.length; s++) {
      slots.put(names[s], s);
      utf8[s] = names[s].getBytes(StandardCharsets.UTF_8);
      max = Math.max(max, utf8[s].length);
    }
    List<List<Integer>> buckets = new ArrayList<>();
    for (int len = 0; len <= max; len++) {
      buckets.add(new ArrayList<>());
    }
    for (int s = 0; s < names.length; s++) {
      buckets.get(utf8[s].length).add(s);
    }
    byLength = buckets.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** The slot of the field whose name is these UTF-8 bytes, or {@link #EXTRA} or {@link #DROP}. */
  int slot(byte[] bytes, int offset, int length) {
    if (length < byLength.length) {
      for (int s : byLength[length]) {
        if (same(utf8[s], bytes, offset)) {
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

  private static boolean same(byte[] name, byte[] bytes, int offset) {
    for (int k = name.length - 1; k >= 0; k--) {
      if (name[k] != bytes[offset + k]) {
        return false;
      }
    }
    return true;
  }
}
