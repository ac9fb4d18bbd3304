package vn.hoinghi.collector.quality;

import vn.hoinghi.collector.rtcstats.PeerConnectionStats;
import vn.hoinghi.collector.rtcstats.ReportFilter;
import vn.hoinghi.collector.rtcstats.ReportView;

/**
 * Folds a participant's decompressed getstats samples (all of its peer connections) into windows of DESIGN §3
 * quality. Windows follow the client's clock (the samples' clientTs), so a burst of replayed entries after a
 * reconnect lands in the windows it was measured in. Not thread-safe: one per session, used under its lock.
 */
public final class ParticipantQuality {

  private final long windowMs;
  private QualityFields fields = QualityFields.of(ReportFilter.QUALITY);
  private final CounterMemo.ResetCounter resets;
  private long windowStart = Long.MIN_VALUE;
  private long lastTs = Long.MIN_VALUE;
  private double sendBytes;
  private double recvBytes;
  private double recvPackets;
  private double recvLost;
  private double sentPackets;
  private double remoteLost;
  private double audioJitter = Double.NaN;
  private double anyJitter = Double.NaN;
  private double pairRttSum;
  private int pairRttCount;
  private double remoteRttSum;
  private int remoteRttCount;
  private int sentHeight;
  private int recvHeight;
  private double fps;

  public ParticipantQuality(long windowMs, Runnable onReset, Runnable onInvalid) {
    this.windowMs = windowMs;
    this.resets = new CounterMemo.ResetCounter() {
      @Override
      public void reset() {
        onReset.run();
      }

      @Override
      public void invalid() {
        onInvalid.run();
      }
    };
  }

  /** Folds one getstats sample of {@code pc}; returns the window it closed, or null. */
  public WindowMeasures onStats(PeerConnectionStats pc, long clientTs) {
    if (windowStart == Long.MIN_VALUE || clientTs < lastTs - windowMs || clientTs - lastTs > 10 * windowMs) {
      // first sample, or the client clock jumped: start over rather than report a nonsense window
      clear();
      windowStart = clientTs;
    }
    lastTs = Math.max(lastTs, clientTs);
    pc.forEachReport(this::fold);
    if (lastTs - windowStart < windowMs) {
      return null;
    }
    WindowMeasures measures = measures((lastTs - windowStart) / 1000.0);
    clear();
    windowStart = lastTs;
    return measures;
  }

  private void fold(ReportView r) {
    String type = r.type();
    if (type == null) {
      return;
    }
    QualityFields f = fields = fields.forReport(r);
    switch (type) {
      case "outbound-rtp" -> {
        sendBytes += CounterMemo.delta(r, CounterMemo.BYTES, r.number(f.bytesSent(), "bytesSent"), resets);
        sentPackets += CounterMemo.delta(r, CounterMemo.PACKETS, r.number(f.packetsSent(), "packetsSent"), resets);
        if (isVideo(r)) {
          sentHeight = Math.max(sentHeight, positiveInt(r.number(f.frameHeight(), "frameHeight")));
          fps = Math.max(fps, positive(r.number(f.framesPerSecond(), "framesPerSecond")));
        }
      }
      case "inbound-rtp" -> {
        recvBytes += CounterMemo.delta(r, CounterMemo.BYTES, r.number(f.bytesReceived(), "bytesReceived"), resets);
        recvPackets += CounterMemo.delta(r, CounterMemo.PACKETS, r.number(f.packetsReceived(), "packetsReceived"), resets);
        recvLost += CounterMemo.delta(r, CounterMemo.LOST, r.number(f.packetsLost(), "packetsLost"), resets);
        double jitter = positive(r.number(f.jitter(), "jitter"));
        anyJitter = Double.isNaN(anyJitter) ? jitter : Math.max(anyJitter, jitter);
        if (isVideo(r)) {
          recvHeight = Math.max(recvHeight, positiveInt(r.number(f.frameHeight(), "frameHeight")));
        } else {
          audioJitter = Double.isNaN(audioJitter) ? jitter : Math.max(audioJitter, jitter);
        }
      }
      case "remote-inbound-rtp" -> {
        remoteLost += CounterMemo.delta(r, CounterMemo.LOST, r.number(f.packetsLost(), "packetsLost"), resets);
        double rtt = r.number(f.roundTripTime(), "roundTripTime");
        if (rtt >= 0 && rtt < 60) {
          remoteRttSum += rtt;
          remoteRttCount++;
        }
      }
      case "candidate-pair" -> {
        double rtt = r.number(f.currentRoundTripTime(), "currentRoundTripTime");
        if (Boolean.TRUE.equals(r.get("nominated")) && "succeeded".equals(r.string("state")) && rtt >= 0 && rtt < 60) {
          pairRttSum += rtt;
          pairRttCount++;
        }
      }
      default -> { }
    }
  }

  private WindowMeasures measures(double seconds) {
    double recvLossPct = recvPackets + recvLost > 0 ? 100 * recvLost / (recvPackets + recvLost) : 0;
    double sendLossPct = sentPackets > 0 ? Math.min(100, 100 * remoteLost / sentPackets) : 0;
    double jitter = !Double.isNaN(audioJitter) ? audioJitter : Double.isNaN(anyJitter) ? 0 : anyJitter;
    double rtt = pairRttCount > 0 ? pairRttSum / pairRttCount : remoteRttCount > 0 ? remoteRttSum / remoteRttCount : 0;
    return new WindowMeasures(seconds, sendBytes * 8 / 1000 / seconds, recvBytes * 8 / 1000 / seconds,
        recvLossPct, sendLossPct, jitter * 1000, rtt * 1000, sentHeight, recvHeight, fps);
  }

  private void clear() {
    sendBytes = recvBytes = recvPackets = recvLost = sentPackets = remoteLost = 0;
    audioJitter = anyJitter = Double.NaN;
    pairRttSum = remoteRttSum = 0;
    pairRttCount = remoteRttCount = 0;
    sentHeight = recvHeight = 0;
    fps = 0;
  }

  private boolean isVideo(ReportView r) {
    return "video".equals(r.string(fields.kind(), "kind")) || "video".equals(r.string(fields.mediaType(), "mediaType"));
  }

  private static double positive(double v) {
    return v >= 0 && Double.isFinite(v) ? v : 0;
  }

  private static int positiveInt(double v) {
    return v >= 0 && v < 100_000 ? (int) v : 0;
  }
}
