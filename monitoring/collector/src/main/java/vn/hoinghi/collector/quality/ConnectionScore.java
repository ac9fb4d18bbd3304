package vn.hoinghi.collector.quality;

/**
 * Jitsi's own 0-100 connection quality (lib-jitsi-meet {@code ConnectionQuality}), so operators see what participants
 * see. Without video sent it depends on loss only; with video it is the share of the target upload bitrate reached,
 * capped at 30 when loss reaches 10 %. The target is the sum of the simulcast layers (DESIGN §4: 180p 200 kbps,
 * 360p 500 kbps, 720p 1.5 Mbps) up to the height being sent. lib-jitsi-meet also ramps the score up slowly over time;
 * a 10 s window is long enough that this collector leaves that smoothing out.
 */
public final class ConnectionScore {

  private ConnectionScore() {}

  public static int lossOnly(double lossPct) {
    if (lossPct <= 2) {
      return 100;
    }
    if (lossPct <= 4) {
      return 70;
    }
    if (lossPct <= 6) {
      return 50;
    }
    if (lossPct <= 8) {
      return 30;
    }
    if (lossPct <= 12) {
      return 10;
    }
    return 0;
  }

  public static int withVideo(double lossPct, double uploadKbps, int sentHeight) {
    double target = targetKbps(sentHeight);
    int score = (int) Math.min(100, Math.round(100 * uploadKbps / target));
    return lossPct >= 10 ? Math.min(score, 30) : score;
  }

  public static int score(double lossPct, boolean sendingVideo, double uploadKbps, int sentHeight) {
    return sendingVideo && sentHeight > 0 ? withVideo(lossPct, uploadKbps, sentHeight) : lossOnly(lossPct);
  }

  static double targetKbps(int height) {
    if (height <= 180) {
      return 200;
    }
    if (height <= 360) {
      return 200 + 500;
    }
    return 200 + 500 + 1500;
  }

  /** Jitsi's labels: ≥ 30 good, ≥ 10 non-optimal, else poor. */
  public static String label(int score) {
    if (score >= 30) {
      return "good";
    }
    return score >= 10 ? "non-optimal" : "poor";
  }
}
