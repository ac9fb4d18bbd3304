package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.support.Frames;
import vn.hoinghi.collector.support.TestCollector;
import vn.hoinghi.collector.support.WsProbe;

/** Hostile input: each case is closed with a reason (or discarded and counted) and the service keeps serving. */
@ExtendWith(VertxExtension.class)
class HostileInputTest {

  private Collector collector;
  private WebSocketClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    collector = TestCollector.start(vertx, TestCollector.config("""
        collector.http.handshake-timeout-millis = 500
        collector.ingest.max-peer-connections = 2
        """), Clock.systemUTC(), null);
    client = WsProbe.client(vertx);
  }

  @AfterEach
  void stillServing() throws Exception {
    WsProbe healthy = open("healthy");
    healthy.send(Frames.keepalive("healthy"));
    assertThat(healthy.closed).isNotDone();
  }

  private WsProbe open(String session) throws Exception {
    WsProbe p = WsProbe.connect(client, collector.port(), "/?statsSessionId=" + session, RtcstatsEndpoint.SUBPROTOCOL);
    assertThat(p.next().getString("type")).isEqualTo("sn");
    return p;
  }

  @Test
  void badJsonIsClosedWith3002() throws Exception {
    WsProbe p = open("bad-json");
    p.send("{\"statsSessionId\":\"bad-json\",\"type\":");
    assertThat(p.awaitClose()).isEqualTo((short) 3002);
    assertThat(p.closeReason()).isEqualTo("invalid JSON");
    assertThat(collector.metrics().scrape()).contains("collector_ws_closed_total{reason=\"bad_json\"} 1.0");
  }

  @Test
  void malformedStatsEntriesAreClosed() throws Exception {
    WsProbe notAnArray = open("e1");
    notAnArray.send(new JsonObject().put("statsSessionId", "e1").put("type", "stats-entry").put("data", "{}").encode());
    assertThat(notAnArray.awaitClose()).isEqualTo((short) 3002);
    assertThat(notAnArray.closeReason()).isEqualTo("invalid stats-entry");

    WsProbe numericPcId = open("e2");
    numericPcId.send(new JsonObject().put("statsSessionId", "e2").put("type", "stats-entry")
        .put("data", "[\"getstats\", 7, {}, 1, 1]").encode());
    assertThat(numericPcId.awaitClose()).isEqualTo((short) 3002);

    WsProbe innerGarbage = open("e3");
    innerGarbage.send(new JsonObject().put("statsSessionId", "e3").put("type", "stats-entry")
        .put("data", "[\"getstats\", \"PC_0\", {\"a\": ]").encode());
    assertThat(innerGarbage.awaitClose()).isEqualTo((short) 3002);
    assertThat(innerGarbage.closeReason()).isEqualTo("invalid JSON");
  }

  @Test
  void anotherSessionIdInsideTheConnectionIsClosed() throws Exception {
    WsProbe p = open("mine");
    p.send(Frames.keepalive("someone-else"));
    assertThat(p.awaitClose()).isEqualTo((short) 3002);
  }

  @Test
  void unknownPcIdIsAcceptedAsAFreshPeerConnectionButTheirNumberIsBounded() throws Exception {
    WsProbe p = open("pcs");
    // no "create" before: normal after a reconnect, so it is accepted
    p.send(Frames.entry("pcs", "getstats", "PC_9", Frames.getstats(1, 1, 1, 1, 1, 0, 0, 0), 1, 1));
    p.send(Frames.entry("pcs", "getstats", "PC_8", Frames.getstats(1, 1, 1, 1, 1, 0, 0, 0), 1, 2));
    p.send(Frames.keepalive("pcs"));
    Awaitility.await().until(() -> collector.metrics().scrape()
        .contains("collector_frames_total{type=\"keepalive\"} 1.0"));
    assertThat(p.closed).isNotDone();
    p.send(Frames.entry("pcs", "getstats", "PC_7", Frames.getstats(1, 1, 1, 1, 1, 0, 0, 0), 1, 3));
    assertThat(p.awaitClose()).isEqualTo((short) 3002);
    assertThat(p.closeReason()).isEqualTo("too many peer connections");
  }

  @Test
  void negativeAndWrappingCountersAreCountedNotFolded() throws Exception {
    WsProbe p = open("wrap");
    p.send(Frames.entry("wrap", "getstats", "PC_0", Frames.getstats(1000, 4_000_000_000L, 100, 10, 10, 0, 0, 0), 1000, 1));
    // 32-bit style wrap: the counter went down
    p.send(Frames.entry("wrap", "getstats", "PC_0", Frames.getstats(2000, 1_000, 200, 20, 20, 0, 0, 0), 2000, 2));
    // hostile: negative counters
    p.send(Frames.entry("wrap", "getstats", "PC_0", Frames.getstats(3000, -5, -5, -5, -5, -5, 0, 0), 3000, 3));
    Awaitility.await().until(() -> metric("collector_counter_resets_total") >= 1
        && metric("collector_counter_invalid_total") >= 1);
    assertThat(p.closed).isNotDone();
  }

  @Test
  void aTenMegabyteFrameIsClosedWith1009() throws Exception {
    WsProbe p = open("big");
    String huge = "{\"statsSessionId\":\"big\",\"type\":\"keepalive\",\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    p.ws.writeTextMessage(huge);
    // The server answers the frame header with close 1009 and drops the connection; a client still busy writing
    // the 10 MB may see the reset (1006) before the close frame, so the server's count is what is asserted.
    assertThat(p.awaitClose()).isIn((short) 1009, (short) 1006);
    Awaitility.await().until(() -> collector.metrics().scrape()
        .contains("collector_ws_closed_total{reason=\"too_big\"} 1.0"));
  }

  @Test
  void aTenMegabyteMessageInSmallFragmentsIsClosedWith1009() throws Exception {
    WsProbe p = open("fragments");
    Buffer chunk = Buffer.buffer("x".repeat(64 * 1024));
    p.ws.writeFrame(WebSocketFrame.textFrame("{\"pad\":\"", false));
    for (int i = 0; i < 160 && !p.closed.isDone(); i++) {
      p.ws.writeFrame(WebSocketFrame.continuationFrame(chunk, false));
    }
    assertThat(p.awaitClose()).isEqualTo((short) 1009);
    assertThat(collector.metrics().scrape()).contains("collector_ws_closed_total{reason=\"too_big\"} 1.0");
  }

  @Test
  void aSlowLorisIsCutOffAtTheHandshakeTimeout(Vertx vertx) throws Exception {
    NetClient net = vertx.createNetClient();
    NetSocket socket = net.connect(collector.port(), "localhost").toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    CompletableFuture<Long> closedAt = new CompletableFuture<>();
    socket.closeHandler(v -> closedAt.complete(System.nanoTime()));
    long started = System.nanoTime();
    socket.write("GET /?statsSessionId=slow HTTP/1.1\r\nHost: localhost\r\n");
    long timer = vertx.setPeriodic(100, id -> socket.write("X-Slow: y\r\n"));
    long closed = closedAt.get(5, TimeUnit.SECONDS);
    vertx.cancelTimer(timer);
    assertThat(TimeUnit.NANOSECONDS.toMillis(closed - started)).isBetween(400L, 3000L);
    assertThat(collector.metrics().scrape()).contains("collector_ws_rejected_total{reason=\"handshake_timeout\"} 1.0");
  }

  private double metric(String name) {
    return collector.metrics().registry().get(name).counter().count();
  }
}
