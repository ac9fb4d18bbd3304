package vn.hoinghi.collector.jvb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.hoinghi.collector.config.CollectorConfig;

/**
 * Polls {@code GET /colibri/stats} of every configured bridge every interval (5 s) with a timeout. After a failure
 * the next poll waits twice as long each time (capped), so a dead bridge costs little; after
 * {@code lost-after-failures} failures in a row the bridge is LOST (three missed 5 s intervals, as for presence).
 */
public final class BridgePoller {

  private final Vertx vertx;
  private final HttpClient client; // a field: Vert.x 5 closes a garbage-collected client (DESIGN §5)
  private final CollectorConfig.Jvb config;
  private final Clock clock;
  private final Consumer<BridgeSample> sink;
  private final Map<String, BridgeState> states = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /** The latest knowledge of one bridge. */
  public record BridgeState(CollectorConfig.Bridge bridge, int failures, long nextDelayMillis, BridgeSample last) {}

  public BridgePoller(Vertx vertx, CollectorConfig.Jvb config, Clock clock, Consumer<BridgeSample> sink) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
        .setConnectTimeout((int) config.timeoutMillis()));
    this.config = config;
    this.clock = clock;
    this.sink = sink;
  }

  public void start() {
    for (CollectorConfig.Bridge b : config.bridges()) {
      states.put(b.id(), new BridgeState(b, 0, config.intervalMillis(), null));
      vertx.setTimer(1, id -> poll(b));
    }
  }

  public void stop() {
    stopped = true;
  }

  public List<BridgeState> states() {
    return List.copyOf(states.values());
  }

  /** One poll now; the next one is scheduled from its outcome. */
  Future<BridgeSample> poll(CollectorConfig.Bridge bridge) {
    String uri = bridge.url().replaceAll("/+$", "") + "/colibri/stats";
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri)
            .setTimeout(config.timeoutMillis()))
        .compose(req -> req.send())
        .compose(resp -> resp.statusCode() == 200 ? resp.body()
            : Future.failedFuture("HTTP " + resp.statusCode()))
        .timeout(config.timeoutMillis(), TimeUnit.MILLISECONDS)
        .map(body -> ColibriStats.parse(bridge, body.toJsonObject(), clock.instant()))
        .onSuccess(sample -> settle(bridge, sample, 0, config.intervalMillis()))
        .recover(err -> {
          BridgeState before = states.get(bridge.id());
          int failures = before.failures() + 1;
          long delay = Math.min(config.maxBackoffMillis(), config.intervalMillis() * (1L << Math.min(failures, 20)));
          BridgeStatus status = failures >= config.lostAfterFailures() ? BridgeStatus.LOST : BridgeStatus.DEGRADED;
          BridgeSample sample = ColibriStats.failed(bridge, status, clock.instant());
          settle(bridge, sample, failures, delay);
          return Future.succeededFuture(sample);
        });
  }

  private void settle(CollectorConfig.Bridge bridge, BridgeSample sample, int failures, long delay) {
    states.put(bridge.id(), new BridgeState(bridge, failures, delay, sample));
    sink.accept(sample);
    if (!stopped) {
      vertx.setTimer(delay, id -> poll(bridge));
    }
  }

  /** Bridge states as JSON for the API. */
  public JsonObject json() {
    JsonObject out = new JsonObject();
    states.values().forEach(s -> out.put(s.bridge().id(), new JsonObject()
        .put("region", s.bridge().region()).put("failures", s.failures())
        .put("status", s.last() == null ? "UNKNOWN" : s.last().status().name())
        .put("stress", s.last() == null ? null : s.last().stressLevel())
        .put("participants", s.last() == null ? null : s.last().participants())));
    return out;
  }
}
