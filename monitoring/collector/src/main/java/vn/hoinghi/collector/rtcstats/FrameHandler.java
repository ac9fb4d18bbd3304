package vn.hoinghi.collector.rtcstats;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import vn.hoinghi.collector.attribution.SiteAttribution;
import vn.hoinghi.collector.metrics.CollectorMetrics;
import vn.hoinghi.collector.quality.QualitySample;
import vn.hoinghi.collector.quality.QualitySink;
import vn.hoinghi.collector.quality.WindowMeasures;

/** Applies one rtcstats message to its session. Shared by all connections; its only buffers are per thread. */
public final class FrameHandler {

  private final QualitySink sink;
  private final AttributionLookups lookups;
  private final CollectorMetrics metrics;
  private final Clock clock;

  public FrameHandler(QualitySink sink, SiteAttribution attribution, CollectorMetrics metrics, Clock clock) {
    this.sink = sink;
    this.lookups = new AttributionLookups(attribution, metrics, clock);
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Handles one complete message. {@code expectedSessionId} is the URL's statsSessionId (null when the URL had none).
   * Throws {@link ProtocolException} for input that must end the connection.
   */
  public void handle(RtcstatsSession session, String expectedSessionId, Buffer message) {
    int length = message.length();
    byte[] bytes = Scratch.get().message(length);
    message.getBytes(0, length, bytes, 0);
    handle(session, expectedSessionId, bytes, length);
  }

  /**
   * Handles one complete message held in {@code bytes[0, length)}, which may be this thread's scratch buffer.
   * Throws {@link ProtocolException} for input that must end the connection.
   */
  public void handle(RtcstatsSession session, String expectedSessionId, byte[] bytes, int length) {
    long started = System.nanoTime();
    Frame frame = FrameReader.read(bytes, 0, length, Scratch.get());
    if (expectedSessionId != null && frame.statsSessionId() != null
        && !expectedSessionId.equals(frame.statsSessionId())) {
      throw new ProtocolException(CloseReason.SESSION_CHANGED, frame.statsSessionId());
    }
    switch (frame.type()) {
      case Frame.IDENTITY -> identity(session, Buffer.buffer(java.util.Arrays.copyOf(bytes, length)));
      case Frame.STATS_ENTRY -> statsEntry(session, frame);
      case Frame.KEEPALIVE -> { }
      default -> { } // a newer client's frame type: counted, not fatal
    }
    metrics.frame(metricType(frame.type()), length);
    if (metrics.sampled()) {
      metrics.processingNanos(System.nanoTime() - started);
    }
  }

  private void identity(RtcstatsSession session, Buffer message) {
    Object data;
    try {
      data = new JsonObject(message).getValue("data");
    } catch (DecodeException e) {
      throw new ProtocolException(CloseReason.BAD_JSON, e.getMessage());
    }
    synchronized (session) {
      session.identity().merge(data);
    }
    lookups.identityChanged(session);
  }

  private void statsEntry(RtcstatsSession session, Frame frame) {
    if (frame.data() == null) {
      throw new ProtocolException(CloseReason.BAD_FRAME, "stats-entry data is not a string");
    }
    StatsEntry entry;
    WindowMeasures window = null;
    String meeting;
    String endpoint;
    boolean retry;
    synchronized (session) {
      entry = EntryReader.read(frame.data(), frame.dataOffset(), frame.dataLength(), session);
      boolean fresh = session.advance(entry.seq());
      if (entry.isGetStats() && entry.pcId() != null && fresh) {
        window = session.quality().onStats(session.peek(entry.pcId()), entry.clientTsMs());
      }
      meeting = session.identity().meeting();
      endpoint = session.identity().endpointId();
      retry = meeting != null && endpoint != null && lookups.retryDue(session);
    }
    if (retry) {
      lookups.retry(session, meeting, endpoint); // an earlier lookup failed; its backoff has elapsed
    }
    if (entry.isGetStats() && metrics.sampled()) {
      metrics.lagMillis(clock.millis() - entry.clientTsMs());
    }
    if (window != null && meeting != null) {
      sink.sample(sample(session, meeting, endpoint, window, entry.seq()));
    }
  }

  private QualitySample sample(RtcstatsSession session, String meeting, String endpoint, WindowMeasures w,
                               long seq) {
    double mos = w.mos();
    return new QualitySample(clock.instant(), w.seconds(), meeting, endpoint == null ? session.id() : endpoint,
        session.id(), session.site(), w.sendKbps(), w.recvKbps(), w.recvLossPct(), w.sendLossPct(), w.jitterMs(),
        w.rttMs(), w.sentHeight(), w.recvHeight(), w.fps(), mos, vn.hoinghi.collector.quality.Grade.of(mos),
        w.jitsiScore(), seq);
  }

  private static String metricType(String type) {
    return switch (type) {
      case Frame.IDENTITY -> "identity";
      case Frame.STATS_ENTRY -> "stats_entry";
      case Frame.KEEPALIVE -> "keepalive";
      default -> "other";
    };
  }
}
