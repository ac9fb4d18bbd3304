package vn.hoinghi.collector.quality;

/** What one participant's streams measured over one window, before attribution. */
public record WindowMeasures(double seconds, double sendKbps, double recvKbps, double recvLossPct, double sendLossPct,
                             double jitterMs, double rttMs, int sentHeight, int recvHeight, double fps) {

  public double mos() {
    return EModel.mos(rttMs, jitterMs, Math.max(recvLossPct, sendLossPct));
  }

  public int jitsiScore() {
    return ConnectionScore.score(sendLossPct, sentHeight > 0, sendKbps, sentHeight);
  }
}
