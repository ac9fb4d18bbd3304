package vn.hoinghi.collector.quality;

import vn.hoinghi.collector.rtcstats.ReportFilter;
import vn.hoinghi.collector.rtcstats.ReportView;

/**
 * The slots of the fields quality reads, resolved once per {@link ReportFilter}: looking each name up per report per
 * frame cost more than the arithmetic (about 250 lookups per frame).
 */
record QualityFields(ReportFilter filter, int bytesSent, int packetsSent, int bytesReceived, int packetsReceived,
                     int packetsLost, int jitter, int frameHeight, int framesPerSecond, int roundTripTime,
                     int currentRoundTripTime, int kind, int mediaType) {

  static QualityFields of(ReportFilter f) {
    return new QualityFields(f, f.slotOf("bytesSent"), f.slotOf("packetsSent"), f.slotOf("bytesReceived"),
        f.slotOf("packetsReceived"), f.slotOf("packetsLost"), f.slotOf("jitter"), f.slotOf("frameHeight"),
        f.slotOf("framesPerSecond"), f.slotOf("roundTripTime"), f.slotOf("currentRoundTripTime"), f.slotOf("kind"),
        f.slotOf("mediaType"));
  }

  /** These fields for the report's filter: the cached ones when it is the same filter. */
  QualityFields forReport(ReportView r) {
    return r.filter() == filter ? this : of(r.filter());
  }
}
