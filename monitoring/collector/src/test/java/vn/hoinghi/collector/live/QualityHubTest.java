package vn.hoinghi.collector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.hoinghi.collector.attribution.Site;
import vn.hoinghi.collector.jvb.BridgeSample;
import vn.hoinghi.collector.quality.AlertEvent;
import vn.hoinghi.collector.quality.Grade;
import vn.hoinghi.collector.quality.QualitySample;
import vn.hoinghi.collector.store.TelemetryWriter;
import vn.hoinghi.collector.support.FakeClock;

/** Rollups per site and the 30 s poor-MOS alert, on a fake clock. */
class QualityHubTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T02:00:00Z"));
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<AlertEvent> stored = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final QualityHub hub = new QualityHub(clock, Duration.ofSeconds(30), Duration.ofSeconds(45),
      (meeting, event, body) -> events.add(meeting + " " + event + " " + body.encode()), new TelemetryWriter() {
        @Override
        public void quality(QualitySample sample) { }

        @Override
        public void alert(AlertEvent event) {
          stored.add(event);
        }

        @Override
        public void bridge(BridgeSample sample) { }
      }, registry, Set.of("north", "central", "south"));

  private static final Site HNI = new Site("STP-HNI", "north", "stp");

  private QualitySample window(String endpoint, Site site, double mos) {
    return new QualitySample(clock.instant(), 10, "room1", endpoint, "s-" + endpoint, site, 500, 400, 0, 0, 10, 50,
        360, 360, 30, mos, Grade.of(mos), 100, 2);
  }

  @Test
  void aSitePoorForThirtySecondsRaisesOneAlertAndRecoveryClearsIt() {
    for (int t = 0; t <= 30; t += 10) {
      hub.sample(window("a", HNI, 3.3));
      hub.sample(window("b", HNI, 3.5));
      if (t < 30) {
        clock.elapse(Duration.ofSeconds(10));
      }
    }
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).raised()).isTrue();
    assertThat(stored.get(0).mos()).isEqualTo(3.4);
    assertThat(events).filteredOn(e -> e.contains(" alert ")).hasSize(1);
    assertThat(registry.get("collector_site_alerts_active").tag("region", "north").gauge().value()).isEqualTo(1);
    JsonObject site = hub.summary("room1").getJsonArray("sites").getJsonObject(0);
    assertThat(site.getString("grade")).isEqualTo("poor");
    assertThat(site.getBoolean("alert")).isTrue();

    hub.sample(window("a", HNI, 4.3));
    hub.sample(window("b", HNI, 4.2));
    assertThat(stored).hasSize(2);
    assertThat(stored.get(1).raised()).isFalse();
    assertThat(registry.get("collector_site_alerts_active").tag("region", "north").gauge().value()).isZero();
  }

  @Test
  void silentParticipantsLeaveTheRollupAndUnknownSitesNeverAlert() {
    hub.sample(window("x", Site.UNKNOWN, 2.0));
    clock.elapse(Duration.ofSeconds(40));
    hub.sample(window("x", Site.UNKNOWN, 2.0));
    assertThat(stored).isEmpty();
    hub.tick();
    assertThat(registry.get("collector_participants").tag("region", "unknown").tag("grade", "bad").gauge().value())
        .isEqualTo(1);
    clock.elapse(Duration.ofSeconds(46));
    hub.tick();
    assertThat(hub.summary("room1")).isNull();
    assertThat(hub.meetings()).isEmpty();
  }
}
