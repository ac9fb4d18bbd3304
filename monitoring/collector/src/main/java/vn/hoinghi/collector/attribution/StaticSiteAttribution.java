package vn.hoinghi.collector.attribution;

import io.vertx.core.Future;
import java.util.Map;
import vn.hoinghi.collector.config.CollectorConfig;

/** Attribution from configuration: {@code "<meeting>/<endpoint id>" = site code}, regions from the sites table. */
public final class StaticSiteAttribution implements SiteAttribution {

  private final Map<String, String> endpoints;
  private final SiteDirectory directory;

  public StaticSiteAttribution(Map<String, String> endpoints, SiteDirectory directory) {
    this.endpoints = Map.copyOf(endpoints);
    this.directory = directory;
  }

  public static StaticSiteAttribution from(CollectorConfig.Attribution config, SiteDirectory directory) {
    return new StaticSiteAttribution(config.endpoints(), directory);
  }

  @Override
  public Future<Site> siteOf(String meeting, String endpointId) {
    String code = endpoints.get(meeting + "/" + endpointId);
    return Future.succeededFuture(code == null ? Site.UNKNOWN : directory.site(code));
  }
}
