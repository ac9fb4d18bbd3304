package vn.hoinghi.collector.live;

import io.vertx.core.json.JsonObject;
import vn.hoinghi.collector.quality.ConnectionScore;
import vn.hoinghi.collector.quality.QualitySample;

/** The JSON shape of a quality sample in the live feed and the API. */
public final class SampleJson {

  private SampleJson() {}

  public static JsonObject of(QualitySample s) {
    return new JsonObject()
        .put("at", s.windowEnd().toString())
        .put("windowSeconds", round(s.windowSeconds()))
        .put("meeting", s.meeting())
        .put("endpointId", s.endpointId())
        .put("siteCode", s.site().code())
        .put("region", s.site().region())
        .put("sendKbps", round(s.sendKbps()))
        .put("recvKbps", round(s.recvKbps()))
        .put("lossPct", round(s.lossPct()))
        .put("recvLossPct", round(s.recvLossPct()))
        .put("sendLossPct", round(s.sendLossPct()))
        .put("jitterMs", round(s.jitterMs()))
        .put("rttMs", round(s.rttMs()))
        .put("sentHeight", s.sentHeight())
        .put("recvHeight", s.recvHeight())
        .put("fps", round(s.fps()))
        .put("mos", round(s.mos()))
        .put("grade", s.grade().label())
        .put("jitsiScore", s.jitsiScore())
        .put("jitsiLabel", ConnectionScore.label(s.jitsiScore()));
  }

  static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0;
  }
}
