package vn.hoinghi.collector.attribution;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import vn.hoinghi.collector.vertx.OneContext;

/**
 * Asks the orchestrator {@code GET {base}/api/v1/attribution/{meeting}/{endpointId}} → 200
 * {@code {"siteCode","region","kind"}} or 404. Answers (unknown too) are cached for a while so a meeting of 400
 * participants costs 400 requests, not one per stats frame. Failures are not cached and fail the future, so that
 * the caller ({@code AttributionLookups}) retries them with backoff instead of taking "unknown" for an answer.
 * Every exchange runs on one context ({@link OneContext}); {@code AttributionLookups} synchronises on the session it
 * updates, so answers may complete on that context's thread.
 */
public final class HttpSiteAttribution implements SiteAttribution {

  private static final Logger LOG = Logger.getLogger(HttpSiteAttribution.class.getName());
  private static final int MAX_CACHE = 100_000;

  private final OneContext oneContext;
  private final HttpClient client; // a field: Vert.x 5 closes a garbage-collected client (DESIGN §5)
  private final String base;
  /** The orchestrator admits the collector by this shared key (X-HoiNghi-Service-Key). */
  private final String serviceKey;
  private final long timeoutMillis;
  private final Duration ttl;
  private final Clock clock;
  private final SiteDirectory directory;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Site site, Instant until) {}

  public HttpSiteAttribution(Vertx vertx, String base, String serviceKey, long timeoutMillis, Duration ttl,
                             Clock clock, SiteDirectory directory) {
    this.serviceKey = serviceKey == null ? "" : serviceKey;
    this.oneContext = new OneContext(vertx);
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.timeoutMillis = timeoutMillis;
    this.ttl = ttl;
    this.clock = clock;
    this.directory = directory;
  }

  @Override
  public Future<Site> siteOf(String meeting, String endpointId) {
    String key = meeting + "/" + endpointId;
    Cached hit = cache.get(key);
    Instant now = clock.instant();
    if (hit != null && hit.until.isAfter(now)) {
      return Future.succeededFuture(hit.site);
    }
    return oneContext.run(() -> ask(key, meeting, endpointId, now));
  }

  private Future<Site> ask(String key, String meeting, String endpointId, Instant now) {
    String uri = base + "/api/v1/attribution/" + encode(meeting) + "/" + encode(endpointId);
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri)
            .putHeader("X-HoiNghi-Service-Key", serviceKey).setTimeout(timeoutMillis))
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(body -> {
          if (resp.statusCode() == 404) {
            return Site.UNKNOWN;
          }
          if (resp.statusCode() != 200) {
            throw new IllegalStateException("orchestrator answered " + resp.statusCode());
          }
          JsonObject json = body.toJsonObject();
          return directory.site(json.getString("siteCode"), json.getString("region"), json.getString("kind"));
        }))
        .timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS) // whole exchange, not only idle time
        .map(site -> {
          if (cache.size() >= MAX_CACHE) {
            cache.values().removeIf(c -> !c.until.isAfter(now)); // bounded: sweep expired answers first
          }
          if (cache.size() < MAX_CACHE) {
            cache.put(key, new Cached(site, now.plus(ttl)));
          }
          return site;
        })
        .onFailure(err -> LOG.fine(() -> "attribution of " + key + " failed: " + err.getMessage()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
