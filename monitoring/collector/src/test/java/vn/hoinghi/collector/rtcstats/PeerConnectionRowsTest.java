package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reports kept in rows: reordered, removed and re-added reports keep their own values, and freed rows start empty. */
class PeerConnectionRowsTest {

  private static void sample(PeerConnectionStats pc, String payload) {
    byte[] bytes = (payload + ",1,1]").getBytes(StandardCharsets.UTF_8);
    StatsScanner s = new StatsScanner(bytes, 0, bytes.length);
    s.readGetStats(pc, ReportFilter.QUALITY);
    s.readTail();
  }

  @Test
  void reorderedRemovedAndNewReportsKeepTheirOwnValues() {
    PeerConnectionStats pc = new PeerConnectionStats(ReportFilter.QUALITY, 16);
    sample(pc, "{\"A\":{\"type\":\"inbound-rtp\",\"bytesReceived\":1},\"B\":{\"type\":\"outbound-rtp\",\"bytesSent\":2},"
        + "\"C\":{\"type\":\"codec\"}}");
    pc.get("A").lastCounter(0, 1);
    // new order, B changed, C gone, D new: the positional guess misses and the map answers
    sample(pc, "{\"B\":{\"bytesSent\":20},\"A\":{},\"D\":{\"type\":\"candidate-pair\",\"bytesSent\":7}}");
    assertThat(pc.size()).isEqualTo(3);
    assertThat(pc.get("A").number("bytesReceived")).isEqualTo(1.0);
    assertThat(pc.get("A").type()).isEqualTo("inbound-rtp");
    assertThat(pc.get("A").lastCounter(0)).isEqualTo(1.0);
    assertThat(pc.get("B").number("bytesSent")).isEqualTo(20.0);
    assertThat(pc.get("C")).isNull();
    // D took C's freed row and must not see C's values or counters
    assertThat(pc.get("D").fields()).containsOnlyKeys("type", "bytesSent");
    assertThat(pc.get("D").lastCounter(0)).isNaN();
    // the same order again: the guess path
    sample(pc, "{\"B\":{\"bytesSent\":30},\"A\":{\"bytesReceived\":5},\"D\":{}}");
    assertThat(pc.get("B").number("bytesSent")).isEqualTo(30.0);
    assertThat(pc.get("A").number("bytesReceived")).isEqualTo(5.0);
    assertThat(pc.get("D").number("bytesSent")).isEqualTo(7.0);
  }

  @Test
  void manyReportsGrowTheRows() {
    PeerConnectionStats pc = new PeerConnectionStats(ReportFilter.QUALITY, 512);
    StringBuilder p = new StringBuilder("{");
    for (int r = 0; r < 100; r++) {
      p.append(r == 0 ? "" : ",").append("\"R").append(r).append("\":{\"packetsLost\":").append(r).append('}');
    }
    sample(pc, p.append("}").toString());
    sample(pc, p.toString());
    for (int r = 0; r < 100; r++) {
      assertThat(pc.get("R" + r).number("packetsLost")).isEqualTo(r);
    }
  }
}
