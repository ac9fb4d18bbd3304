package vn.hoinghi.collector.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.support.FakeClock;

/** The orchestrator lookup against a small fake orchestrator: found, unknown, cached, failing. */
@ExtendWith(VertxExtension.class)
class HttpSiteAttributionTest {

  private static Site await(io.vertx.core.Future<Site> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void asksTheOrchestratorAndCachesItsAnswer(Vertx vertx) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    int port = vertx.createHttpServer().requestHandler(req -> {
      calls.incrementAndGet();
      if (!"the-collector-key".equals(req.getHeader("X-HoiNghi-Service-Key"))) {
        req.response().setStatusCode(401).end();
        return;
      }
      switch (req.path()) {
        case "/api/v1/attribution/room1/ep1" -> req.response().putHeader("content-type", "application/json")
            .end(new JsonObject().put("siteCode", "STP-HNI").put("region", "north").put("kind", "stp").encode());
        case "/api/v1/attribution/room1/boom" -> req.response().setStatusCode(500).end();
        case "/api/v1/attribution/room1/weird" -> req.response()
            .end(new JsonObject().put("siteCode", "X").put("region", "mars").encode());
        default -> req.response().setStatusCode(404).end();
      }
    }).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    FakeClock clock = new FakeClock(Instant.parse("2026-11-25T02:00:00Z"));
    HttpSiteAttribution attribution = new HttpSiteAttribution(vertx, "http://localhost:" + port + "/", "the-collector-key", 5000,
        Duration.ofMinutes(5), clock, new SiteDirectory(Map.of(), Set.of("north", "central", "south")));

    assertThat(await(attribution.siteOf("room1", "ep1"))).isEqualTo(new Site("STP-HNI", "north", "stp"));
    assertThat(await(attribution.siteOf("room1", "ep1"))).isEqualTo(new Site("STP-HNI", "north", "stp"));
    assertThat(calls.get()).isEqualTo(1); // cached
    clock.elapse(Duration.ofMinutes(6));
    await(attribution.siteOf("room1", "ep1"));
    assertThat(calls.get()).isEqualTo(2); // expired
    assertThat(await(attribution.siteOf("room1", "nobody"))).isEqualTo(Site.UNKNOWN);
    // no answer is not "unknown": the future fails so the caller retries with backoff (AttributionRetryTest)
    assertThat(attribution.siteOf("room1", "boom").toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(10));
    assertThat(await(attribution.siteOf("room1", "weird")).region()).isEqualTo("unknown"); // closed label set
  }
}
