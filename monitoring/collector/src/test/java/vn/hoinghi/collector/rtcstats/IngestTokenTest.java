package vn.hoinghi.collector.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.support.TestCollector;
import vn.hoinghi.collector.support.WsProbe;

@ExtendWith(VertxExtension.class)
class IngestTokenTest {

  @Test
  void tokenInPathOrQueryIsRequiredWhenConfigured(Vertx vertx) throws Exception {
    Collector c = TestCollector.start(vertx, TestCollector.config("collector.ingest.token = s3cr3t"),
        Clock.systemUTC(), null);
    WebSocketClient client = WsProbe.client(vertx);
    WsProbe none = WsProbe.connect(client, c.port(), "/room?statsSessionId=a", RtcstatsEndpoint.SUBPROTOCOL);
    assertThat(none.awaitClose()).isEqualTo((short) 3002); // the client does not retry after 3002
    assertThat(none.closeReason()).contains("token");
    WsProbe wrong = WsProbe.connect(client, c.port(), "/t/nope/room?statsSessionId=b", RtcstatsEndpoint.SUBPROTOCOL);
    assertThat(wrong.awaitClose()).isEqualTo((short) 3002);
    WsProbe path = WsProbe.connect(client, c.port(), "/t/s3cr3t/meet.example/room?statsSessionId=c",
        RtcstatsEndpoint.SUBPROTOCOL);
    assertThat(path.next().getString("type")).isEqualTo("sn");
    WsProbe query = WsProbe.connect(client, c.port(), "/?token=s3cr3t&statsSessionId=d", RtcstatsEndpoint.SUBPROTOCOL);
    assertThat(query.next().getString("type")).isEqualTo("sn");
  }

  @Test
  void unitMatching() {
    IngestToken token = new IngestToken("abc");
    assertThat(token.accepts("/t/abc", null)).isTrue();
    assertThat(token.accepts("/t/abcd/x", null)).isFalse();
    assertThat(token.accepts("/x", "abc")).isTrue();
    assertThat(new IngestToken("").accepts("/", null)).isTrue();
  }
}
