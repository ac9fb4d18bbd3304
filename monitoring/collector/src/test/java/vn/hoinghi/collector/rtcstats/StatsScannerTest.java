package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases of the getstats scanner: escapes, number forms, literals, structure, and refusals. */
class StatsScannerTest {

  private static PeerConnectionStats scan(String payload, ReportFilter filter) {
    String entry = payload + ",17,42]";
    PeerConnectionStats pc = new PeerConnectionStats(filter, 8);
    byte[] bytes = entry.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StatsScanner s = new StatsScanner(bytes, 0, bytes.length);
    s.readGetStats(pc, filter);
    assertThat(s.readTail()).containsExactly(17L, 42L);
    return pc;
  }

  @Test
  void readsEscapesNumbersAndLiterals() {
    PeerConnectionStats pc = scan("""
        { "R1" : { "type":"inbound-rtp", "k\\u0069nd":"au\\"dio", "a":-1.5e3, "b":12345678901234567890,
                   "c":true, "d":null, "e":[1,{"x":[]}], "timestamp":0 }, "timestamp": 99 }""", ReportFilter.ALL);
    StatsReport r = pc.get("R1");
    assertThat(r.string("kind")).isEqualTo("au\"dio");
    assertThat(r.number("a")).isEqualTo(-1500.0);
    assertThat(r.number("b")).isEqualTo(1.2345678901234567e19);
    assertThat(r.get("c")).isEqualTo(Boolean.TRUE);
    assertThat(r.fields()).containsKey("d");
    assertThat(r.get("e")).isEqualTo(List.of(1L, java.util.Map.of("x", List.of())));
    assertThat(r.number("timestamp")).isEqualTo(99.0);
  }

  @Test
  void theQualityFilterKeepsOnlyItsFields() {
    PeerConnectionStats pc = scan("""
        {"R1":{"type":"outbound-rtp","id":"R1","bytesSent":10,"qualityLimitationDurations":{"cpu":1},
               "rid":"q","timestamp":5}}""", ReportFilter.QUALITY);
    assertThat(pc.get("R1").fields()).containsOnlyKeys("type", "bytesSent", "timestamp");
  }

  @Test
  void refusesMalformedPayloads() {
    for (String bad : new String[] {"{\"R\":{\"a\":}}", "{\"R\":{\"a\":1", "{\"R\":{\"a\":tru}}", "{\"R\" 1}",
        "{\"R\":{\"a\":\"x\u0001\"}}", "{\"R\":{\"a\":-}}", "[" .repeat(100)}) {
      assertThatThrownBy(() -> scan(bad, ReportFilter.ALL)).as(bad).isInstanceOf(ProtocolException.class);
    }
    assertThatThrownBy(() -> scan("{\"R\":{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}}", ReportFilter.ALL))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("deep");
  }
}
