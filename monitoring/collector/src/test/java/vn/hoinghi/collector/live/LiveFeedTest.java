package vn.hoinghi.collector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.support.Frames;
import vn.hoinghi.collector.support.TestCollector;
import vn.hoinghi.collector.support.WsProbe;

/** The SSE feed of one meeting, the summary API and the cardinality of /metrics, over real HTTP on port 0. */
@ExtendWith(VertxExtension.class)
class LiveFeedTest {

  @Test
  void aWindowReachesTheMeetingsLiveFeedAndMetricsNameNoMeeting(Vertx vertx) throws Exception {
    Collector collector = TestCollector.start(vertx, TestCollector.config(""), Clock.systemUTC(), null);
    HttpClient http = vertx.createHttpClient();
    StringBuffer feed = new StringBuffer();
    CompletableFuture<Void> gotQuality = new CompletableFuture<>();
    http.request(HttpMethod.GET, collector.port(), "localhost", "/api/v1/live/meetings/room1")
        .compose(req -> req.send())
        .onSuccess(resp -> {
          assertThat(resp.getHeader("content-type")).isEqualTo("text/event-stream");
          resp.handler(chunk -> {
            feed.append(chunk.toString());
            if (feed.indexOf("event: quality") >= 0) {
              gotQuality.complete(null);
            }
          });
        });
    org.awaitility.Awaitility.await().until(() -> feed.indexOf("event: snapshot") >= 0);

    WsProbe.oneWindow(WsProbe.client(vertx), collector.port(), "live1", "room1", "ep1",
        Frames.getstats(Frames.T0, 0, 0, 0, 0, 0, 0.02, 0.1),
        Frames.getstats(Frames.T0 + 10_000, 250_000, 500, 50_000, 500, 0, 0.02, 0.1));
    gotQuality.get(10, TimeUnit.SECONDS);
    String data = feed.substring(feed.indexOf("event: quality"));
    JsonObject quality = new JsonObject(data.substring(data.indexOf("data: ") + 6, data.indexOf("\n\n")));
    assertThat(quality.getString("siteCode")).isEqualTo("STP-HNI");
    assertThat(quality.getDouble("sendKbps")).isEqualTo(200.0);

    Buffer summary = http.request(HttpMethod.GET, collector.port(), "localhost", "/api/v1/meetings/room1/summary")
        .compose(req -> req.send()).compose(resp -> resp.body()).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    assertThat(summary.toJsonObject().getJsonArray("sites").getJsonObject(0).getString("siteCode"))
        .isEqualTo("STP-HNI");

    String metrics = http.request(HttpMethod.GET, collector.port(), "localhost", "/metrics")
        .compose(req -> req.send()).compose(resp -> resp.body()).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS).toString();
    assertThat(metrics).contains("collector_quality_windows_total{grade=\"good\",region=\"north\"} 1.0");
    assertThat(metrics).doesNotContain("room1", "ep1", "live1", "STP-HNI");
    http.close(); // ends the SSE stream so the collector shuts down promptly
  }
}
