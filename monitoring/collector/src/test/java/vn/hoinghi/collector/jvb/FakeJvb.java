package vn.hoinghi.collector.jvb;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A JVB private REST stand-in: answers GET /colibri/stats as configured (stats, HTTP 500, or never). */
final class FakeJvb {

  enum Mode { OK, ERROR, HANG }

  final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
  final AtomicInteger requests = new AtomicInteger();
  final HttpServer server;

  FakeJvb(Vertx vertx) throws Exception {
    server = vertx.createHttpServer().requestHandler(req -> {
      if (!"/colibri/stats".equals(req.path())) {
        req.response().setStatusCode(404).end();
        return;
      }
      requests.incrementAndGet();
      switch (mode.get()) {
        case OK -> req.response().putHeader("content-type", "application/json").end(new JsonObject()
            .put("stress_level", 0.35).put("conferences", 3).put("participants", 42).put("largest_conference", 30)
            .put("bit_rate_download", 12000).put("bit_rate_upload", 48000).put("packet_rate_download", 4000)
            .put("packet_rate_upload", 13500).put("rtt_aggregate", 41.5).put("drain", false)
            .put("graceful_shutdown", false).put("shutting_down", false).put("version", "2.3.0").encode());
        case ERROR -> req.response().setStatusCode(500).end();
        case HANG -> { } // never answers: the poller's timeout must fire
      }
    }).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  String url() {
    return "http://localhost:" + server.actualPort();
  }
}
