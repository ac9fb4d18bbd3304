package vn.hoinghi.collector.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.support.Frames;
import vn.hoinghi.collector.support.TestCollector;
import vn.hoinghi.collector.support.WsProbe;

/**
 * A peer that answers 200 with the wrong shape (a collector of another version, a proxy's page): the operator's
 * list and summary still get an answer, never a request left hanging.
 */
@ExtendWith(VertxExtension.class)
class MisbehavingPeerTest {

  @Test
  void aMalformedPeerIsLeftOutOfTheListAndTheSummaryAnswersAProblem(Vertx vertx) throws Exception {
    HttpServer peer = vertx.createHttpServer().requestHandler(req -> req.response().setStatusCode(200)
        .putHeader("content-type", "application/json")
        .end(req.path().endsWith("/summary") ? "{\"participants\":[{\"endpointId\":\"x\"}]}" : "[1,{\"a\":2}]"))
        .listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    Collector collector = TestCollector.start(vertx, TestCollector.config(
        "collector.peers = [\"http://127.0.0.1:" + peer.actualPort() + "\"]"), Clock.systemUTC(), null);
    WsProbe.oneWindow(WsProbe.client(vertx), collector.port(), "bad-peer", "room1", "ep1",
        Frames.getstats(Frames.T0, 0, 0, 0, 0, 0, 0.02, 0.1),
        Frames.getstats(Frames.T0 + 10_000, 250_000, 500, 50_000, 500, 0, 0.02, 0.1));
    HttpClient http = vertx.createHttpClient();

    Answer list = get(http, collector.port(), "/api/v1/meetings");
    assertThat(list.status()).isEqualTo(200);
    assertThat(new JsonArray(list.body())).containsExactly("room1");

    Answer summary = get(http, collector.port(), "/api/v1/meetings/room1/summary");
    assertThat(summary.status()).isEqualTo(502);
    assertThat(summary.type()).isEqualTo("application/problem+json");
    assertThat(summary.body()).contains("could not be merged");
    http.close();
  }

  private record Answer(int status, String type, String body) {}

  private static Answer get(HttpClient http, int port, String path) throws Exception {
    return http.request(HttpMethod.GET, port, "localhost", path).compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.getHeader("content-type"),
            b.toString())))
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
