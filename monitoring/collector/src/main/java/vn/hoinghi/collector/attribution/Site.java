package vn.hoinghi.collector.attribution;

/** A HoiNghi site as the collector needs it: its code, plus region and kind for bounded metric labels. */
public record Site(String code, String region, String kind) {

  public static final Site UNKNOWN = new Site("unknown", "unknown", "unknown");

  public boolean known() {
    return !UNKNOWN.code.equals(code);
  }
}
