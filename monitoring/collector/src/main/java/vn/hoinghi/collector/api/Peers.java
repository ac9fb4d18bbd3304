package vn.hoinghi.collector.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import vn.hoinghi.collector.quality.Grade;
import vn.hoinghi.collector.vertx.OneContext;

/**
 * The other collectors behind the same address ({@code collector.peers}). The load balancer keeps each participant
 * on one collector, so a meeting's participants are spread over all of them: either collector answers for the whole
 * meeting by asking its peers for their own part ({@code ?local=true}, which never fans out again) and merging.
 * A peer that does not answer in time is left out (its participants are missing, the rest is served).
 */
public final class Peers {

  private final OneContext oneContext; // Vert.x 5.0.7's body()/end() race: see OneContext
  private final HttpClient client; // a field: Vert.x 5 closes a garbage-collected client (DESIGN §5)
  private final List<String> bases;
  private final long timeoutMillis;

  public Peers(Vertx vertx, List<String> bases, long timeoutMillis) {
    this.oneContext = new OneContext(vertx);
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    this.bases = bases.stream().map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b).toList();
    this.timeoutMillis = timeoutMillis;
  }

  public boolean none() {
    return bases.isEmpty();
  }

  /** This collector's summary merged with its peers'; null when nobody has the meeting. */
  public Future<JsonObject> summary(String meeting, JsonObject local) {
    return fromPeers("/api/v1/meetings/" + encode(meeting) + "/summary?local=true", Buffer::toJsonObject)
        .map(fromPeers -> {
          List<JsonObject> all = new ArrayList<>();
          if (local != null) {
            all.add(local);
          }
          all.addAll(fromPeers);
          return all.isEmpty() ? null : merge(meeting, all);
        });
  }

  /** The meetings with live data here or on any peer that answered, sorted, each once. */
  public Future<List<String>> meetings(List<String> local) {
    // Read to strings per peer, so a peer's malformed list is left out like a silent peer, not a failed answer.
    Function<Buffer, List<String>> names = b -> b.toJsonArray().stream().map(String.class::cast).toList();
    return fromPeers("/api/v1/meetings?local=true", names).map(fromPeers -> {
      TreeSet<String> all = new TreeSet<>(local);
      fromPeers.forEach(all::addAll);
      return List.copyOf(all);
    });
  }

  /** Each peer's 200 answer to {@code pathAndQuery}, read by {@code body}; a peer that fails or is late is left out. */
  private <T> Future<List<T>> fromPeers(String pathAndQuery, Function<Buffer, T> body) {
    List<Future<T>> parts = new ArrayList<>();
    for (String base : bases) {
      parts.add(oneContext.run(() -> client.request(new RequestOptions().setMethod(HttpMethod.GET)
              .setAbsoluteURI(base + pathAndQuery).setTimeout(timeoutMillis))
          .compose(req -> req.send())
          .compose(resp -> resp.body().map(b -> resp.statusCode() == 200 ? body.apply(b) : null)))
          .otherwise((T) null));
    }
    return Future.join(parts).transform(ignored -> Future.succeededFuture(
        parts.stream().map(Future::result).filter(Objects::nonNull).toList()));
  }

  /**
   * Forwards the peers' live events of the meeting (not their snapshots) into {@code out}, whole events only.
   * Returns what closes those feeds; a feed that connects after that is closed at once.
   */
  public Runnable forwardLive(String meeting, HttpServerResponse out) {
    List<HttpClientResponse> feeds = new ArrayList<>();
    boolean[] closed = {false};
    for (String base : bases) {
      client.request(new RequestOptions().setMethod(HttpMethod.GET)
              .setAbsoluteURI(base + "/api/v1/live/meetings/" + encode(meeting) + "?local=true"))
          .compose(req -> req.send())
          .onSuccess(resp -> {
            synchronized (feeds) {
              if (closed[0]) {
                resp.request().connection().close();
                return;
              }
              feeds.add(resp);
            }
            forward(resp, out);
          });
    }
    return () -> {
      synchronized (feeds) {
        closed[0] = true;
        feeds.forEach(f -> f.request().connection().close());
      }
    };
  }

  private static void forward(HttpClientResponse resp, HttpServerResponse out) {
    RecordParser events = RecordParser.newDelimited("\n\n", event -> {
      String text = event.toString(StandardCharsets.UTF_8);
      if (!text.startsWith("event: snapshot") && !text.startsWith(":") && !out.writeQueueFull() && !out.ended()) {
        out.write(text + "\n\n");
      }
    });
    resp.handler(events);
  }

  static JsonObject merge(String meeting, List<JsonObject> parts) {
    Map<String, JsonObject> people = new TreeMap<>();
    Map<String, Boolean> alerts = new TreeMap<>();
    for (JsonObject part : parts) {
      for (Object o : part.getJsonArray("participants", new JsonArray())) {
        JsonObject p = (JsonObject) o;
        // a participant that moved collectors (reconnect) is in both for a while: keep its latest window
        people.merge(p.getString("endpointId"), p, (a, b) -> a.getString("at").compareTo(b.getString("at")) >= 0 ? a : b);
      }
      for (Object o : part.getJsonArray("sites", new JsonArray())) {
        JsonObject s = (JsonObject) o;
        alerts.merge(s.getString("siteCode"), s.getBoolean("alert", false), Boolean::logicalOr);
      }
    }
    Map<String, List<JsonObject>> bySite = new TreeMap<>();
    people.values().forEach(p -> bySite.computeIfAbsent(p.getString("siteCode"), k -> new ArrayList<>()).add(p));
    JsonArray sites = new JsonArray();
    bySite.forEach((code, ps) -> {
      double mos = ps.stream().mapToDouble(p -> p.getDouble("mos")).average().orElse(0);
      sites.add(new JsonObject().put("siteCode", code).put("region", ps.get(0).getString("region"))
          .put("participants", ps.size()).put("mos", Math.round(mos * 100) / 100.0)
          .put("grade", Grade.of(mos).label()).put("alert", alerts.getOrDefault(code, false)));
    });
    return new JsonObject().put("meeting", meeting).put("participants", new JsonArray(new ArrayList<>(people.values())))
        .put("sites", sites);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
