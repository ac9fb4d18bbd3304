package vn.hoinghi.collector.attribution;

import java.util.Map;
import java.util.Set;
import vn.hoinghi.collector.config.CollectorConfig;

/**
 * Site code → region and kind. Regions outside the configured closed set become "unknown" so that a bad answer
 * can never add a label value to the metrics.
 */
public final class SiteDirectory {

  private final Map<String, CollectorConfig.SiteInfo> sites;
  private final Set<String> regions;

  public SiteDirectory(Map<String, CollectorConfig.SiteInfo> sites, Set<String> regions) {
    this.sites = Map.copyOf(sites);
    this.regions = Set.copyOf(regions);
  }

  public Site site(String code) {
    CollectorConfig.SiteInfo info = sites.get(code);
    return info == null ? new Site(code, "unknown", "unknown") : new Site(code, region(info.region()), info.kind());
  }

  public Site site(String code, String region, String kind) {
    return new Site(code, region(region), kind == null ? "unknown" : kind);
  }

  public String region(String region) {
    return region != null && regions.contains(region) ? region : "unknown";
  }
}
