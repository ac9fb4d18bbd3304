package vn.hoinghi.collector.quality;

import java.time.Instant;
import vn.hoinghi.collector.attribution.Site;

/** Quality of one participant over one window (DESIGN §3), attributed to its meeting and site. */
public record QualitySample(
    Instant windowEnd,
    double windowSeconds,
    String meeting,
    String endpointId,
    String statsSessionId,
    Site site,
    double sendKbps,
    double recvKbps,
    double recvLossPct,
    double sendLossPct,
    double jitterMs,
    double rttMs,
    int sentHeight,
    int recvHeight,
    double fps,
    double mos,
    Grade grade,
    int jitsiScore,
    /* the rtcstats sequence number of the entry that closed the window: stored with it, a resume point */
    long seq) {

  /** The loss that drives MOS: the worse of what the participant receives and what the far end reports of its send. */
  public double lossPct() {
    return Math.max(recvLossPct, sendLossPct);
  }
}
