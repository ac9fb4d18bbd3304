package vn.hoinghi.collector.jvb;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.config.CollectorConfig;

@ExtendWith(VertxExtension.class)
class BridgePollerTest {

  private static BridgeSample await(io.vertx.core.Future<BridgeSample> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readsColibriStatsThenBacksOffAndDeclaresTheBridgeLost(Vertx vertx) throws Exception {
    FakeJvb jvb = new FakeJvb(vertx);
    CollectorConfig.Bridge bridge = new CollectorConfig.Bridge("jvb1", "north", jvb.url());
    List<BridgeSample> seen = new CopyOnWriteArrayList<>();
    // a long interval: the test drives the polls itself; the scheduled ones wait behind it
    BridgePoller poller = new BridgePoller(vertx, new CollectorConfig.Jvb(List.of(bridge), 60_000, 300, 600_000, 3),
        Clock.systemUTC(), seen::add);
    poller.stop(); // no automatic re-polls during the test

    BridgeSample up = await(poller.poll(bridge));
    assertThat(up.status()).isEqualTo(BridgeStatus.UP);
    assertThat(up.stressLevel()).isEqualTo(0.35);
    assertThat(up.participants()).isEqualTo(42);
    assertThat(up.packetRateUpload()).isEqualTo(13500);
    assertThat(up.rttAggregateMs()).isEqualTo(41.5);
    assertThat(up.version()).isEqualTo("2.3.0");

    jvb.mode.set(FakeJvb.Mode.ERROR);
    assertThat(await(poller.poll(bridge)).status()).isEqualTo(BridgeStatus.DEGRADED);
    long firstBackoff = poller.states().get(0).nextDelayMillis();
    jvb.mode.set(FakeJvb.Mode.HANG);
    long started = System.nanoTime();
    assertThat(await(poller.poll(bridge)).status()).isEqualTo(BridgeStatus.DEGRADED);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(250L, 3000L); // the timeout
    long secondBackoff = poller.states().get(0).nextDelayMillis();
    assertThat(secondBackoff).isEqualTo(2 * firstBackoff);
    assertThat(await(poller.poll(bridge)).status()).isEqualTo(BridgeStatus.LOST);
    assertThat(poller.states().get(0).nextDelayMillis()).isEqualTo(480_000); // 60 s * 2^3

    jvb.mode.set(FakeJvb.Mode.OK);
    assertThat(await(poller.poll(bridge)).status()).isEqualTo(BridgeStatus.UP);
    assertThat(poller.states().get(0).failures()).isZero();
    assertThat(seen).hasSize(5);
  }

  @Test
  void pollsOnItsOwnEveryInterval(Vertx vertx) throws Exception {
    FakeJvb jvb = new FakeJvb(vertx);
    List<BridgeSample> seen = new CopyOnWriteArrayList<>();
    BridgePoller poller = new BridgePoller(vertx, new CollectorConfig.Jvb(
        List.of(new CollectorConfig.Bridge("jvb1", "south", jvb.url())), 100, 500, 1000, 3), Clock.systemUTC(),
        seen::add);
    poller.start();
    org.awaitility.Awaitility.await().until(() -> seen.size() >= 3);
    poller.stop();
    assertThat(seen).allMatch(s -> s.status() == BridgeStatus.UP && "south".equals(s.region()));
    assertThat(poller.json().getJsonObject("jvb1").getString("status")).isEqualTo("UP");
  }
}
