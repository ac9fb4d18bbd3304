package vn.hoinghi.collector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.hoinghi.collector.support.FakeClock;

class SiteAlertTrackerTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T02:00:00Z"));
  private final SiteAlertTracker tracker = new SiteAlertTracker(clock, Duration.ofSeconds(30));

  @Test
  void raisesOnceAfterThirtySecondsOfPoorAndClearsOnRecovery() {
    assertThat(tracker.update("m/STP-HNI", 3.4)).isEqualTo(SiteAlertTracker.Transition.NONE);
    clock.elapse(Duration.ofSeconds(29));
    assertThat(tracker.update("m/STP-HNI", 3.0)).isEqualTo(SiteAlertTracker.Transition.NONE);
    clock.elapse(Duration.ofSeconds(1));
    assertThat(tracker.update("m/STP-HNI", 3.2)).isEqualTo(SiteAlertTracker.Transition.RAISED);
    clock.elapse(Duration.ofSeconds(10));
    assertThat(tracker.update("m/STP-HNI", 3.2)).isEqualTo(SiteAlertTracker.Transition.NONE);
    assertThat(tracker.active("m/STP-HNI")).isTrue();
    assertThat(tracker.update("m/STP-HNI", 4.1)).isEqualTo(SiteAlertTracker.Transition.CLEARED);
    assertThat(tracker.active("m/STP-HNI")).isFalse();
  }

  @Test
  void aFairWindowRestartsTheThirtySeconds() {
    tracker.update("k", 3.0);
    clock.elapse(Duration.ofSeconds(20));
    tracker.update("k", 3.7); // fair: not poor any more
    clock.elapse(Duration.ofSeconds(5));
    tracker.update("k", 3.0);
    clock.elapse(Duration.ofSeconds(25));
    assertThat(tracker.update("k", 3.0)).isEqualTo(SiteAlertTracker.Transition.NONE);
    clock.elapse(Duration.ofSeconds(5));
    assertThat(tracker.update("k", 3.0)).isEqualTo(SiteAlertTracker.Transition.RAISED);
  }
}
