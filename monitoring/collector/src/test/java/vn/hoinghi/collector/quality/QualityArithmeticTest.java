package vn.hoinghi.collector.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** DESIGN §3 formulas against worked examples computed by hand (the arithmetic is in each comment). */
class QualityArithmeticTest {

  @Test
  void goodCallWorkedExample() {
    // rtt 50, jitter 10, loss 1 %: EL = 50 + 20 + 10 = 80 < 160 → R = 93.2 - 80/40 = 91.2; R -= 2.5 → 88.7
    // MOS = 1 + 0.035*88.7 + 7e-6*88.7*28.7*11.3 = 1 + 3.1045 + 0.201358... = 4.30586
    assertThat(EModel.rFactor(50, 10, 1)).isCloseTo(88.7, within(1e-9));
    assertThat(EModel.mos(50, 10, 1)).isCloseTo(4.30586, within(1e-4));
    assertThat(Grade.of(EModel.mos(50, 10, 1))).isEqualTo(Grade.GOOD);
  }

  @Test
  void longDelayUsesTheSecondBranch() {
    // rtt 300, jitter 40, loss 0: EL = 300 + 80 + 10 = 390 ≥ 160 → R = 93.2 - (390-120)/10 = 66.2
    // MOS = 1 + 2.317 + 7e-6*66.2*6.2*33.8 = 3.317 + 0.097114 = 3.41411 → poor
    assertThat(EModel.rFactor(300, 40, 0)).isCloseTo(66.2, within(1e-9));
    assertThat(EModel.mos(300, 40, 0)).isCloseTo(3.41411, within(1e-4));
    assertThat(Grade.of(EModel.mos(300, 40, 0))).isEqualTo(Grade.POOR);
  }

  @Test
  void bothBranchesMeetAtEl160() {
    // EL = 160 exactly takes the second branch: 93.2 - 40/10 = 89.2, which is also 93.2 - 160/40
    assertThat(EModel.rFactor(150, 0, 0)).isCloseTo(89.2, within(1e-9));
    assertThat(EModel.rFactor(149.999, 0, 0)).isCloseTo(89.2, within(1e-4));
  }

  @Test
  void heavyLossIsBadAndRIsClamped() {
    // rtt 100, jitter 20, loss 10 %: EL = 150 → R = 93.2 - 3.75 - 25 = 64.45
    // MOS = 1 + 2.25575 + 7e-6*64.45*4.45*35.55 = 3.25575 + 0.071372 = 3.32712 → poor
    assertThat(EModel.mos(100, 20, 10)).isCloseTo(3.32712, within(1e-4));
    // loss 40 %: R = 89.25 - 100 < 0 → clamped to 0 → MOS exactly 1
    assertThat(EModel.mos(100, 20, 40)).isEqualTo(1.0);
    assertThat(Grade.of(1.0)).isEqualTo(Grade.BAD);
  }

  @Test
  void gradeBoundaries() {
    assertThat(Grade.of(4.0)).isEqualTo(Grade.GOOD);
    assertThat(Grade.of(3.9999)).isEqualTo(Grade.FAIR);
    assertThat(Grade.of(3.6)).isEqualTo(Grade.FAIR);
    assertThat(Grade.of(3.5999)).isEqualTo(Grade.POOR);
    assertThat(Grade.of(3.1)).isEqualTo(Grade.POOR);
    assertThat(Grade.of(3.0999)).isEqualTo(Grade.BAD);
    assertThat(Grade.POOR.belowFair()).isTrue();
    assertThat(Grade.FAIR.belowFair()).isFalse();
  }

  @Test
  void jitsiScoreFromLossOnly() {
    assertThat(ConnectionScore.score(2, false, 0, 0)).isEqualTo(100);
    assertThat(ConnectionScore.score(3, false, 0, 0)).isEqualTo(70);
    assertThat(ConnectionScore.score(6, false, 0, 0)).isEqualTo(50);
    assertThat(ConnectionScore.score(8, false, 0, 0)).isEqualTo(30);
    assertThat(ConnectionScore.score(12, false, 0, 0)).isEqualTo(10);
    assertThat(ConnectionScore.score(12.1, false, 0, 0)).isEqualTo(0);
  }

  @Test
  void jitsiScoreWithVideo() {
    // 360p target = 200 + 500 = 700 kbps; 350 kbps sent → 50
    assertThat(ConnectionScore.score(0, true, 350, 360)).isEqualTo(50);
    // 720p target 2,200 kbps; 3,000 sent → capped at 100
    assertThat(ConnectionScore.score(0, true, 3000, 720)).isEqualTo(100);
    // ≥ 10 % loss caps at 30 even at full bitrate
    assertThat(ConnectionScore.score(10, true, 2200, 720)).isEqualTo(30);
    assertThat(ConnectionScore.label(30)).isEqualTo("good");
    assertThat(ConnectionScore.label(29)).isEqualTo("non-optimal");
    assertThat(ConnectionScore.label(9)).isEqualTo("poor");
  }
}
