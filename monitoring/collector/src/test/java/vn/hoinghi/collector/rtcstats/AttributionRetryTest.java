package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.hoinghi.collector.attribution.Site;
import vn.hoinghi.collector.attribution.SiteAttribution;
import vn.hoinghi.collector.metrics.CollectorMetrics;
import vn.hoinghi.collector.quality.ParticipantQuality;
import vn.hoinghi.collector.quality.QualitySample;
import vn.hoinghi.collector.quality.QualitySink;
import vn.hoinghi.collector.support.FakeClock;
import vn.hoinghi.collector.support.Frames;

/** A failed site lookup is retried on later frames, 1 s doubling to 30 s, at most 8 times, every outcome counted. */
class AttributionRetryTest {

  private static final Site STP = new Site("STP-HNI", "north", "stp");

  private final FakeClock clock = new FakeClock(Instant.parse("2026-12-05T02:00:00Z"));
  private final CollectorMetrics metrics = new CollectorMetrics();
  private final List<Long> askedAtMillis = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final SiteAttribution orchestrator = (meeting, endpoint) -> {
    askedAtMillis.add(clock.millis() - Instant.parse("2026-12-05T02:00:00Z").toEpochMilli());
    return failuresLeft.getAndDecrement() > 0 ? Future.failedFuture("orchestrator down") : Future.succeededFuture(STP);
  };
  private final FrameHandler handler = new FrameHandler(new QualitySink() {
    @Override
    public void sample(QualitySample sample) { }

    @Override
    public void left(String meeting, String endpointId) { }
  }, orchestrator, metrics, clock);
  private final RtcstatsSession session = new RtcstatsSession("s1", new Identity(64),
      new ParticipantQuality(10_000, () -> { }, () -> { }), ReportFilter.QUALITY, 16, 512);
  private long seq;

  @Test
  void retriesWithBackoffUntilTheOrchestratorAnswers() {
    failuresLeft.set(3);
    send(Frames.identity("s1", new JsonObject().put("confName", "room1").put("endpointId", "ep1")));
    // a frame every 250 ms for 10 s: lookups at 0 (identity), then 1 s, 1+2 s, 1+2+4 s after each failure
    framesFor(Duration.ofSeconds(10));
    assertThat(askedAtMillis).containsExactly(0L, 1_000L, 3_000L, 7_000L);
    assertThat(session.site()).isEqualTo(STP);
    assertThat(count("failed")).isEqualTo(3);
    assertThat(count("found")).isEqualTo(1);
  }

  @Test
  void givesUpAfterEightRetries() {
    failuresLeft.set(Integer.MAX_VALUE);
    send(Frames.identity("s1", new JsonObject().put("confName", "room1").put("endpointId", "ep1")));
    framesFor(Duration.ofMinutes(5));
    // delays 1, 2, 4, 8, 16, 30, 30, 30 s after the first lookup: 8 retries, then none
    assertThat(askedAtMillis).containsExactly(0L, 1_000L, 3_000L, 7_000L, 15_000L, 31_000L, 61_000L, 91_000L,
        121_000L);
    assertThat(session.site()).isEqualTo(Site.UNKNOWN);
    assertThat(count("failed")).isEqualTo(8);
    assertThat(count("gave_up")).isEqualTo(1);
    assertThat(metrics.scrape()).contains("collector_attribution_lookups_total{outcome=\"gave_up\"} 1.0");
  }

  private void framesFor(Duration d) {
    for (long t = 0; t < d.toMillis(); t += 250) {
      clock.elapse(Duration.ofMillis(250));
      send(Frames.entry("s1", "keepalive-ish", "PC_0", new JsonObject().put("x", 1), clock.millis(), ++seq));
    }
  }

  private void send(String frame) {
    handler.handle(session, "s1", Buffer.buffer(frame));
  }

  private double count(String outcome) {
    return metrics.registry().get("collector_attribution_lookups_total").tag("outcome", outcome).counter().count();
  }
}
