package vn.hoinghi.collector.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import vn.hoinghi.collector.attribution.Site;
import vn.hoinghi.collector.metrics.CollectorMetrics;
import vn.hoinghi.collector.quality.ParticipantQuality;
import vn.hoinghi.collector.quality.QualitySample;
import vn.hoinghi.collector.quality.QualitySink;
import vn.hoinghi.collector.rtcstats.FrameHandler;
import vn.hoinghi.collector.rtcstats.Identity;
import vn.hoinghi.collector.rtcstats.ReportFilter;
import vn.hoinghi.collector.rtcstats.RtcstatsSession;

/**
 * In-process cost of decoding + decompressing + folding one bench frame, without sockets:
 * {@code ParseCost [frames] [sessions]}. Frames go round-robin over the sessions so that, as in the collector with
 * thousands of connections, each frame meets state that is no longer in the CPU's caches.
 */
public final class ParseCost {

  private ParseCost() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
    CollectorMetrics metrics = new CollectorMetrics();
    QualitySink sink = new QualitySink() {
      @Override
      public void sample(QualitySample sample) { }

      @Override
      public void left(String meeting, String endpointId) { }
    };
    FrameHandler handler = new FrameHandler(sink, (m, e) -> Future.succeededFuture(Site.UNKNOWN), metrics,
        Clock.systemUTC());
    RtcstatsSession[] sessions = new RtcstatsSession[count];
    for (int s = 0; s < count; s++) {
      sessions[s] = new RtcstatsSession("p", new Identity(64),
          new ParticipantQuality(10_000, () -> { }, () -> { }), ReportFilter.QUALITY, 16, 512);
    }
    JitsiStream stream = JitsiStream.forPeerConnection("p", "PC_0");
    // every session sees increasing sequence numbers, so every frame is fresh and folded as in the collector
    Buffer[] frames = new Buffer[128];
    String[] names = stream.delta.names();
    for (int k = 0; k < frames.length; k++) {
      long[] v = new long[names.length];
      for (int h = 0; h < v.length; h++) {
        v[h] = h >= v.length - 1 ? k + 2 : 1_000_000L + k * 1000L;
      }
      frames[k] = Buffer.buffer(stream.delta.fill(v));
    }
    Buffer first = Buffer.buffer(stream.first.fill(new long[stream.first.holes()]));
    for (RtcstatsSession session : sessions) {
      handler.handle(session, "p", first);
    }
    int perRound = Math.min(n, 64 * count);
    for (int round = 0; round < 2; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        handler.handle(sessions[i % count], "p", frames[round * 64 + i / count]);
      }
      double us = (System.nanoTime() - t0) / 1e3 / perRound;
      System.out.printf("round %d: %.2f µs per %d-byte frame over %d sessions (%.0f frames/s on one core)%n",
          round, us, frames[0].length(), count, 1e6 / us);
    }
  }
}
