package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.support.Frames;
import vn.hoinghi.collector.support.TestCollector;
import vn.hoinghi.collector.support.WsProbe;

/** The rtcstats WebSocket protocol as lib-jitsi-meet speaks it (DESIGN §3), end to end on port 0. */
@ExtendWith(VertxExtension.class)
class RtcstatsProtocolTest {

  private Collector collector;
  private WebSocketClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    collector = TestCollector.start(vertx, TestCollector.config(""), Clock.systemUTC(), null);
    client = WsProbe.client(vertx);
  }

  private WsProbe connect(String uri) throws Exception {
    return WsProbe.connect(client, collector.port(), uri, RtcstatsEndpoint.SUBPROTOCOL);
  }

  @Test
  void answersWithSnZeroAndNegotiatesTheSubprotocol() throws Exception {
    WsProbe p = connect("/?statsSessionId=s1&isReconnect=false");
    JsonObject sn = p.next();
    assertThat(sn.getString("type")).isEqualTo("sn");
    assertThat(sn.getJsonObject("body").getLong("value")).isZero();
    assertThat(sn.getJsonObject("body").getString("state")).isEqualTo("initial");
    assertThat(p.ws.subProtocol()).isEqualTo("3.1_STANDARD");
  }

  @Test
  void refusesAHandshakeWithoutTheSubprotocol() {
    assertThatThrownBy(() -> WsProbe.connect(client, collector.port(), "/?statsSessionId=x", null))
        .hasMessageContaining("400");
    assertThatThrownBy(() -> WsProbe.connect(client, collector.port(), "/?statsSessionId=x", "3.0_LEGACY"))
        .hasMessageContaining("400");
  }

  @Test
  void identityAndStatsBecomeAnAttributedQualityWindow() throws Exception {
    WsProbe p = connect("/?statsSessionId=s2&isReconnect=false");
    p.next();
    p.send(Frames.identity("s2", new JsonObject().put("confName", "Room1").put("displayName", "x")));
    p.send(Frames.identity("s2", new JsonObject().put("endpointId", "ep1")));
    long t0 = 1_764_000_000_000L;
    p.send(Frames.entry("s2", "create", "PC_0", new JsonObject().put("bundlePolicy", "max-bundle"), t0 - 100, 1));
    p.send(Frames.entry("s2", "getstats", "PC_0", Frames.getstats(t0, 0, 0, 0, 0, 0, 0.01, 0.05), t0, 2));
    // 10 s later: 500 kbps up (625,000 bytes), 40 kbps down, 1 % loss, jitter 10 ms, rtt 50 ms
    p.send(Frames.entry("s2", "getstats", "PC_0",
        Frames.getstats(t0 + 10_000, 625_000, 1000, 50_000, 495, 5, 0.01, 0.05), t0 + 10_000, 3));
    Awaitility.await().until(() -> collector.hub().summary("room1") != null);
    JsonObject participant = collector.hub().summary("room1").getJsonArray("participants").getJsonObject(0);
    assertThat(participant.getString("siteCode")).isEqualTo("STP-HNI");
    assertThat(participant.getString("region")).isEqualTo("north");
    assertThat(participant.getDouble("sendKbps")).isEqualTo(500.0);
    assertThat(participant.getDouble("recvKbps")).isEqualTo(40.0);
    assertThat(participant.getDouble("recvLossPct")).isEqualTo(1.0);
    assertThat(participant.getDouble("jitterMs")).isEqualTo(10.0);
    assertThat(participant.getDouble("rttMs")).isEqualTo(50.0);
    assertThat(participant.getDouble("mos")).isEqualTo(4.31); // the worked example of QualityArithmeticTest
    assertThat(participant.getString("grade")).isEqualTo("good");
    assertThat(participant.getInteger("sentHeight")).isEqualTo(360);
  }

  @Test
  void reconnectIsAnsweredWithTheLastSequenceNumberSeen() throws Exception {
    WsProbe first = connect("/?statsSessionId=s3&isReconnect=false");
    first.next();
    for (int seq = 1; seq <= 7; seq++) {
      first.send(Frames.entry("s3", "onconnectionstatechange", "PC_0", "connected", 1000 + seq, seq));
    }
    first.send(Frames.keepalive("s3"));
    Awaitility.await().until(() -> collector.metrics().scrape().contains("collector_frames_total{type=\"keepalive\"} 1"));
    first.ws.close((short) 4000, "network blip");
    first.awaitClose();
    WsProbe again = connect("/?statsSessionId=s3&isReconnect=true");
    assertThat(again.next().getJsonObject("body").getLong("value")).isEqualTo(7);
    // a brand-new session with the same id is not a reconnect: it starts from 0
    WsProbe fresh = connect("/?statsSessionId=s4&isReconnect=true");
    assertThat(fresh.next().getJsonObject("body").getLong("value")).isZero();
  }

  @Test
  void aNewerConnectionOfTheSameSessionSupersedesTheOlder() throws Exception {
    WsProbe first = connect("/?statsSessionId=s5");
    first.next();
    first.send(Frames.entry("s5", "onconnectionstatechange", "PC_0", "connected", 1, 4));
    Awaitility.await().until(() -> collector.sessions().activeCount() >= 1);
    WsProbe second = connect("/?statsSessionId=s5&isReconnect=true");
    assertThat(second.next().getJsonObject("body").getLong("value")).isEqualTo(4);
    assertThat(first.awaitClose()).isEqualTo((short) 1000);
  }

  @Test
  void clientLeavingWith3001EndsTheSession() throws Exception {
    WsProbe p = connect("/?statsSessionId=s6");
    p.next();
    p.send(Frames.identity("s6", new JsonObject().put("confName", "room9").put("endpointId", "e9")));
    p.ws.close((short) 3001, "left");
    p.awaitClose();
    Awaitility.await().until(() -> collector.sessions().activeCount() == 0);
    assertThat(collector.sessions().parkedCount()).isZero();
  }

  @Test
  void aMessageSplitIntoFragmentsCountsOnceWholeAndSmallOnesStillWork() throws Exception {
    WsProbe p = connect("/?statsSessionId=s7&isReconnect=false");
    p.next();
    String whole = Frames.entry("s7", "onconnectionstatechange", "PC_0", "connected", 1001, 9);
    int third = whole.length() / 3;
    p.ws.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame(whole.substring(0, third), false));
    p.ws.writeFrame(io.vertx.core.http.WebSocketFrame.continuationFrame(
        io.vertx.core.buffer.Buffer.buffer(whole.substring(third, 2 * third)), false));
    p.ws.writeFrame(io.vertx.core.http.WebSocketFrame.continuationFrame(
        io.vertx.core.buffer.Buffer.buffer(whole.substring(2 * third)), true));
    p.send(Frames.entry("s7", "onconnectionstatechange", "PC_0", "checking", 1002, 10));
    p.send(Frames.keepalive("s7"));
    Awaitility.await().until(() -> collector.metrics().scrape().contains("collector_frames_total{type=\"keepalive\"}"));
    p.ws.close((short) 4000, "network blip");
    p.awaitClose();
    WsProbe again = connect("/?statsSessionId=s7&isReconnect=true");
    assertThat(again.next().getJsonObject("body").getLong("value")).isEqualTo(10);
    // every connection's data frames came through the Netty tap, not Vert.x's copying path
    assertThat(collector.metrics().scrape()).contains("collector_ws_untapped_connections_total 0.0");
  }
}
