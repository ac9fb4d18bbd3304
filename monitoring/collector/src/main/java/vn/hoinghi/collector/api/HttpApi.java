package vn.hoinghi.collector.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.hoinghi.collector.jvb.BridgePoller;
import vn.hoinghi.collector.live.LivePublisher;
import vn.hoinghi.collector.live.QualityHub;
import vn.hoinghi.collector.metrics.CollectorMetrics;
import vn.hoinghi.collector.store.StoreHealth;
import vn.hoinghi.collector.store.TelemetryQueries;

/** The HTTP side of port 8090: health, Prometheus metrics, live SSE per meeting, summaries and series. */
public final class HttpApi {

  private final CollectorMetrics metrics;
  private final QualityHub hub;
  private final TelemetryQueries queries; // null when storage is disabled
  private final BridgePoller bridges;
  private final StoreHealth storeHealth;
  private final Peers peers;
  private final Clock clock;

  public HttpApi(CollectorMetrics metrics, QualityHub hub, TelemetryQueries queries, BridgePoller bridges,
                 StoreHealth storeHealth, Peers peers, Clock clock) {
    this.peers = peers;
    this.storeHealth = storeHealth;
    this.metrics = metrics;
    this.hub = hub;
    this.queries = queries;
    this.bridges = bridges;
    this.clock = clock;
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/health").handler(this::health);
    // Scraping a registry of a few dozen series is CPU-only and short: fine on the event loop.
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
    router.get("/api/v1/meetings").handler(this::meetings);
    router.get("/api/v1/meetings/:meeting/summary").handler(this::summary);
    router.get("/api/v1/meetings/:meeting/series").handler(this::series);
    router.get("/api/v1/sites/:code/summary").handler(this::siteSummary);
    router.get("/api/v1/bridges").handler(ctx -> json(ctx, 200, bridges == null ? new JsonObject() : bridges.json()));
    router.get("/api/v1/live/meetings/:meeting").handler(ctx -> live(vertx, ctx));
    return router;
  }

  /**
   * UP, or DEGRADED with the reasons storage is behind (e.g. disk_full). Still 200 when degraded: ingest and the
   * live feed work, so a load balancer must keep sending clients; alerting reads the reasons and the metrics.
   */
  private void health(RoutingContext ctx) {
    List<String> reasons = storeHealth.reasons();
    json(ctx, 200, reasons.isEmpty() ? new JsonObject().put("status", "UP")
        : new JsonObject().put("status", "DEGRADED").put("reasons", new JsonArray(reasons)));
  }

  private void summary(RoutingContext ctx) {
    String meeting = ctx.pathParam("meeting");
    merged(ctx, meeting).onSuccess(s -> {
      if (s == null) {
        problem(ctx, 404, "no live data for this meeting");
      } else {
        json(ctx, 200, s);
      }
    }).onFailure(err -> problem(ctx, 502, "the peers' summaries could not be merged: " + err));
  }

  /** The meetings with live data, on this collector and (unless the caller is a peer) on its peers. */
  private void meetings(RoutingContext ctx) {
    List<String> local = hub.meetings();
    (isLocal(ctx) ? Future.succeededFuture(local) : peers.meetings(local))
        .onSuccess(all -> json(ctx, 200, new JsonArray(all)));
  }

  /** This collector's live summary, merged with the peers' unless the caller is a peer ({@code ?local=true}). */
  private Future<JsonObject> merged(RoutingContext ctx, String meeting) {
    JsonObject local = hub.summary(meeting);
    return isLocal(ctx) ? Future.succeededFuture(local) : peers.summary(meeting, local);
  }

  private boolean isLocal(RoutingContext ctx) {
    return peers.none() || "true".equals(ctx.queryParams().get("local"));
  }

  private void series(RoutingContext ctx) {
    int step = Math.max(10, parseInt(ctx.queryParams().get("step"), 60));
    stored(ctx, (from, to) -> queries.meetingSeries(ctx.pathParam("meeting"), from, to, step));
  }

  private void siteSummary(RoutingContext ctx) {
    stored(ctx, (from, to) -> queries.siteSummary(ctx.pathParam("code"), from, to));
  }

  /** Answers from the telemetry tables over the request's ?from=&to= period (default: the last 24 hours). */
  private void stored(RoutingContext ctx, java.util.function.BiFunction<Instant, Instant, Future<?>> query) {
    if (queries == null) {
      problem(ctx, 503, "storage is disabled");
      return;
    }
    Instant[] period = period(ctx);
    if (period != null) {
      query.apply(period[0], period[1]).onSuccess(body -> json(ctx, 200, body))
          .onFailure(err -> problem(ctx, 500, err.getMessage()));
    }
  }

  /** Server-sent events: "quality", "alert" and "left" events of one meeting, a comment every 15 s to keep it open. */
  private void live(Vertx vertx, RoutingContext ctx) {
    String meeting = ctx.pathParam("meeting");
    HttpServerResponse resp = ctx.response().setChunked(true)
        .putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
    Runnable peerFeeds = isLocal(ctx) ? () -> { } : peers.forwardLive(meeting, resp);
    merged(ctx, meeting).onSuccess(snapshot -> subscribe(vertx, meeting, resp, snapshot, peerFeeds))
        .onFailure(err -> {
          peerFeeds.run();
          if (resp.headWritten()) { // a peer's event went out first: all that is left is to close the stream
            resp.end();
          } else {
            problem(ctx, 502, "the peers' summaries could not be merged: " + err);
          }
        });
  }

  private void subscribe(Vertx vertx, String meeting, HttpServerResponse resp, JsonObject snapshot,
                         Runnable peerFeeds) {
    resp.write("event: snapshot\ndata: " + (snapshot == null ? "{}" : snapshot.encode()) + "\n\n");
    MessageConsumer<String> consumer = vertx.eventBus().localConsumer(LivePublisher.address(meeting), msg -> {
      // A reader that does not keep up loses events rather than growing our memory.
      if (!resp.writeQueueFull()) {
        resp.write(msg.body());
      }
    });
    long heartbeat = vertx.setPeriodic(15_000, id -> resp.write(": keepalive\n\n"));
    resp.closeHandler(v -> {
      consumer.unregister();
      vertx.cancelTimer(heartbeat);
      peerFeeds.run();
    });
  }

  private Instant[] period(RoutingContext ctx) {
    try {
      Instant to = ctx.queryParams().contains("to") ? Instant.parse(ctx.queryParams().get("to")) : clock.instant();
      Instant from = ctx.queryParams().contains("from") ? Instant.parse(ctx.queryParams().get("from"))
          : to.minus(Duration.ofHours(24));
      return new Instant[] {from, to};
    } catch (DateTimeParseException e) {
      problem(ctx, 400, "from/to must be ISO-8601 instants");
      return null;
    }
  }

  private static int parseInt(String s, int dflt) {
    try {
      return s == null ? dflt : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode());
  }

  private static void problem(RoutingContext ctx, int status, String detail) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/problem+json")
        .end(new JsonObject().put("status", status).put("detail", detail).encode());
  }
}
