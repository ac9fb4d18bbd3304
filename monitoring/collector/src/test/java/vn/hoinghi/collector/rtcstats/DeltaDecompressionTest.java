package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per peer connection delta decompression (DESIGN §3) against frames as the lib-jitsi-meet client writes them. */
class DeltaDecompressionTest {

  private final RtcstatsSession session = new RtcstatsSession("s", new Identity(64),
      new vn.hoinghi.collector.quality.ParticipantQuality(10_000, () -> { }, () -> { }), ReportFilter.ALL, 4, 64);

  private PeerConnectionStats apply(String recordedData) {
    byte[] chars = recordedData.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StatsEntry e = EntryReader.read(chars, 0, chars.length, session);
    return session.peek(e.pcId());
  }

  @Test
  void recordedSequenceRebuildsEveryReport() {
    // Recorded in the shape lib-jitsi-meet sends: first sample whole (ids stripped, newest timestamp → 0 and
    // moved to the top level), then only changed fields, a nested object always resent, a report dropped.
    PeerConnectionStats pc = apply("""
        ["getstats","PC_0",{
          "IT01A":{"type":"inbound-rtp","kind":"audio","ssrc":1,"packetsReceived":50,"bytesReceived":4000,"timestamp":0},
          "OT01V":{"type":"outbound-rtp","kind":"video","bytesSent":9000,"frameHeight":360,
                   "qualityLimitationDurations":{"none":1.5,"cpu":0},"timestamp":0},
          "CP01":{"type":"candidate-pair","state":"succeeded","nominated":true,"currentRoundTripTime":0.05,
                  "timestamp":1764000000000},
          "timestamp":1764000000100},1764000000100,2]""");
    assertThat(pc.size()).isEqualTo(3);
    assertThat(pc.get("IT01A").number("timestamp")).isEqualTo(1764000000100.0);
    assertThat(pc.get("CP01").number("timestamp")).isEqualTo(1764000000000.0);

    pc = apply("""
        ["getstats","PC_0",{
          "IT01A":{"packetsReceived":550,"bytesReceived":44000,"timestamp":0},
          "OT01V":{"bytesSent":19000,"qualityLimitationDurations":{"none":11.5,"cpu":0},"timestamp":0},
          "timestamp":1764000010100},1764000010100,3]""");
    // CP01 missing from the sample: removed
    assertThat(pc.get("CP01")).isNull();
    StatsReport in = pc.get("IT01A");
    assertThat(in.type()).isEqualTo("inbound-rtp");          // unchanged field kept from the earlier sample
    assertThat(in.string("kind")).isEqualTo("audio");
    assertThat(in.number("packetsReceived")).isEqualTo(550.0); // changed field replaced
    assertThat(in.number("timestamp")).isEqualTo(1764000010100.0);
    StatsReport out = pc.get("OT01V");
    assertThat(out.number("frameHeight")).isEqualTo(360.0);
    assertThat(out.get("qualityLimitationDurations")).isEqualTo(Map.of("none", 11.5, "cpu", 0L));
  }

  @Test
  void roundTripsAgainstTheClientsCompression() {
    Map<String, Map<String, Object>> previous = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Map<String, Object>> now = sample(i);
      String data = new JsonArray().add("getstats").add("PC_1").add(compress(previous, now)).add(1000L + i)
          .add(10L + i).encode();
      PeerConnectionStats pc = apply(data);
      assertThat(pc.size()).isEqualTo(now.size());
      now.forEach((id, report) -> report.forEach((field, value) -> {
        Object actual = pc.get(id).get(field);
        if (value instanceof Number n) {
          // JavaScript has one number type: 1764000000000 and 1.764E12 are the same value
          assertThat(((Number) actual).doubleValue()).as(id + "." + field).isEqualTo(n.doubleValue());
        } else if (!"id".equals(field)) {
          assertThat(actual).as(id + "." + field).isEqualTo(value);
        }
      }));
      previous = now;
    }
  }

  /** A getstats result whose streams come and go and whose counters grow. */
  private static Map<String, Map<String, Object>> sample(int i) {
    Map<String, Map<String, Object>> s = new HashMap<>();
    long ts = 1_764_000_000_000L + i * 10_000L;
    s.put("IT" + (i % 2), new HashMap<>(Map.of("id", "IT" + (i % 2), "type", "inbound-rtp", "kind", "video",
        "packetsReceived", 100L * i, "frameHeight", 180L, "timestamp", ts)));
    s.put("OT", new HashMap<>(Map.of("id", "OT", "type", "outbound-rtp", "kind", "audio", "bytesSent", 5000L * i,
        "timestamp", ts - 3)));
    return s;
  }

  /** lib-jitsi-meet's compression, as DESIGN §3 states it (test code only, written from the spec). */
  private static JsonObject compress(Map<String, Map<String, Object>> old, Map<String, Map<String, Object>> now) {
    JsonObject out = new JsonObject();
    double newest = Double.NEGATIVE_INFINITY;
    for (var e : now.entrySet()) {
      JsonObject report = new JsonObject();
      Map<String, Object> before = old.get(e.getKey());
      e.getValue().forEach((field, value) -> {
        if (!"id".equals(field) && (before == null || !value.equals(before.get(field)))) {
          report.put(field, value);
        }
      });
      newest = Math.max(newest, ((Number) e.getValue().get("timestamp")).doubleValue());
      out.put(e.getKey(), report);
    }
    for (String id : out.fieldNames()) {
      JsonObject report = out.getJsonObject(id);
      if (report.containsKey("timestamp") && report.getLong("timestamp") == (long) newest) {
        report.put("timestamp", 0);
      }
    }
    return out.put("timestamp", (long) newest);
  }
}
