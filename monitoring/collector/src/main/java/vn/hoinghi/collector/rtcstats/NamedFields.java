package vn.hoinghi.collector.rtcstats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed set of field names matched straight against chars, bucketed by length: a dropped field (most of a
 * getstats sample) is rejected after comparing a character or two, without allocating its name.
 */
final class NamedFields implements ReportFilter {

  private final Set<String> names = new HashSet<>();
  private final String[][] byLength;

  NamedFields(String... names) {
    int max = 0;
    for (String n : names) {
      this.names.add(n);
      max = Math.max(max, n.length());
    }
    List<List<String>> buckets = new ArrayList<>();
    for (int len = 0; len <= max; len++) {
      buckets.add(new ArrayList<>());
    }
    for (String n : this.names) {
      buckets.get(n.length()).add(n);
    }
    byLength = buckets.stream().map(b -> b.toArray(new String[0])).toArray(String[][]::new);
  }

  @Override
  public boolean retains(String field) {
    return names.contains(field);
  }

  @Override
  public String name(char[] chars, int offset, int length) {
    if (length >= byLength.length) {
      return null;
    }
    for (String candidate : byLength[length]) {
      if (sameChars(candidate, chars, offset)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean sameChars(String candidate, char[] chars, int offset) {
    for (int k = candidate.length() - 1; k >= 0; k--) {
      if (candidate.charAt(k) != chars[offset + k]) {
        return false;
      }
    }
    return true;
  }
}
