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

/** In-process cost of decoding + decompressing + folding one bench frame, without sockets: {@code ParseCost [n]}. */
public final class ParseCost {

  private ParseCost() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    CollectorMetrics metrics = new CollectorMetrics();
    QualitySink sink = new QualitySink() {
      @Override
      public void sample(QualitySample sample) { }

      @Override
      public void left(String meeting, String endpointId) { }
    };
    FrameHandler handler = new FrameHandler(sink, (m, e) -> Future.succeededFuture(Site.UNKNOWN), metrics,
        Clock.systemUTC());
    RtcstatsSession session = new RtcstatsSession("p", new Identity(64),
        new ParticipantQuality(10_000, () -> { }, () -> { }), ReportFilter.QUALITY, 16, 512);
    JitsiStream stream = JitsiStream.forPeerConnection("p", "PC_0");
    Buffer[] frames = new Buffer[64];
    String[] names = stream.delta.names();
    for (int k = 0; k < frames.length; k++) {
      long[] v = new long[names.length];
      for (int h = 0; h < v.length; h++) {
        v[h] = h >= v.length - 1 ? k + 2 : 1_000_000L + k * 1000L;
      }
      frames[k] = Buffer.buffer(stream.delta.fill(v));
    }
    handler.handle(session, "p", Buffer.buffer(stream.first.fill(new long[stream.first.holes()])));
    for (int round = 0; round < 2; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        handler.handle(session, "p", frames[i & 63]);
      }
      double us = (System.nanoTime() - t0) / 1e3 / n;
      System.out.printf("round %d: %.2f µs per %d-byte frame (%.0f frames/s on one core)%n", round, us,
          frames[0].length(), 1e6 / us);
    }
  }
}
