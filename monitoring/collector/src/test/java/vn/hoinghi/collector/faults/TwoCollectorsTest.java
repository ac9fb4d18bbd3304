package vn.hoinghi.collector.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two collector processes behind one nginx address, sticky per statsSessionId: the sessions are shared between
 * them, a reconnect lands where its session is remembered, attribution is right on both, and either collector
 * answers the whole meeting (summary and live feed) through {@code collector.peers}.
 */
class TwoCollectorsTest {

  private static final int SESSIONS = 12;

  @Test
  void twoCollectorsShareTheLoadAndEitherAnswersForTheMeeting() throws Exception {
    Path dir = Files.createTempDirectory("two-collectors");
    int a = CollectorProcess.freePort();
    int b = CollectorProcess.freePort();
    StringBuilder endpoints = new StringBuilder("collector.attribution.endpoints {");
    for (int i = 1; i <= SESSIONS; i++) {
      endpoints.append(i == 1 ? " " : ", ").append("\"room1/ep").append(i).append("\" = ").append(i % 2 == 0 ? "THADS-HNI" : "STP-HNI");
    }
    endpoints.append(", \"room2/ep-room2\" = STP-HNI }\n");
    CompletableFuture<CollectorProcess> startA = CompletableFuture.supplyAsync(() -> start(dir.resolve("a"), a,
        endpoints + "collector.peers = [\"http://127.0.0.1:" + b + "\"]\n"));
    CompletableFuture<CollectorProcess> startB = CompletableFuture.supplyAsync(() -> start(dir.resolve("b"), b,
        endpoints + "collector.peers = [\"http://127.0.0.1:" + a + "\"]\n"));
    try (CollectorProcess ca = startA.get(90, TimeUnit.SECONDS); CollectorProcess cb = startB.get(90, TimeUnit.SECONDS);
         Nginx nginx = Nginx.start(dir.resolve("nginx"), List.of(a, b))) {
      List<ReconnectingClient> clients = new ArrayList<>();
      for (int i = 1; i <= SESSIONS; i++) {
        ReconnectingClient c = new ReconnectingClient("two-" + i, "room1", "ep" + i);
        assertThat(c.connect(nginx.port)).isTrue();
        for (int k = 0; k < 3; k++) {
          c.next(); // a baseline and two windows
        }
        clients.add(c);
      }
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> participants(ca, true) + participants(cb, true)
          == SESSIONS);
      int onA = participants(ca, true);
      int onB = participants(cb, true);
      assertThat(onA).isPositive();
      assertThat(onB).isPositive();

      // sticky: each reconnect reaches the collector that remembers its session (sn = all it sent)
      for (ReconnectingClient c : clients) {
        assertThat(c.connect(nginx.port)).isTrue();
        assertThat(c.lastSn).isEqualTo(3);
      }

      long asked = System.nanoTime();
      JsonObject viaNginx = new JsonObject(get(nginx.port, "/api/v1/meetings/room1/summary"));
      long mergeMs = (System.nanoTime() - asked) / 1_000_000;
      for (JsonObject summary : List.of(viaNginx, new JsonObject(ca.get("/api/v1/meetings/room1/summary")),
          new JsonObject(cb.get("/api/v1/meetings/room1/summary")))) {
        assertThat(summary.getJsonArray("participants")).hasSize(SESSIONS);
        assertThat(summary.getJsonArray("sites").stream().map(s -> ((JsonObject) s).getString("siteCode") + "="
            + ((JsonObject) s).getInteger("participants"))).containsExactly("STP-HNI=6", "THADS-HNI=6");
      }
      for (Object o : viaNginx.getJsonArray("participants")) {
        JsonObject p = (JsonObject) o;
        int n = Integer.parseInt(p.getString("endpointId").substring(2));
        assertThat(p.getString("siteCode")).isEqualTo(n % 2 == 0 ? "THADS-HNI" : "STP-HNI");
      }

      // a second meeting with one participant, so on one collector only: the list through either has both
      ReconnectingClient alone = new ReconnectingClient("two-room2", "room2", "ep-room2");
      assertThat(alone.connect(nginx.port)).isTrue();
      for (int k = 0; k < 3; k++) {
        alone.next(); // a baseline and two windows: a meeting is listed once it has a window
      }
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() ->
          ca.get("/api/v1/meetings?local=true").contains("room2") || cb.get("/api/v1/meetings?local=true").contains("room2"));
      assertThat(ca.get("/api/v1/meetings?local=true").contains("room2"))
          .isNotEqualTo(cb.get("/api/v1/meetings?local=true").contains("room2"));
      for (String list : List.of(get(nginx.port, "/api/v1/meetings"), ca.get("/api/v1/meetings"),
          cb.get("/api/v1/meetings"))) {
        assertThat(new JsonArray(list)).containsExactly("room1", "room2");
      }
      alone.leave();

      // the live feed of collector A carries the windows of participants streaming to B
      BlockingQueue<String> feed = sse(a, "/api/v1/live/meetings/room1");
      assertThat(feed.poll(10, TimeUnit.SECONDS)).startsWith("event: snapshot");
      Thread.sleep(300); // A's subscription to B is open
      ReconnectingClient onPeer = null;
      for (ReconnectingClient c : clients) {
        if (new JsonObject(cb.get("/api/v1/meetings/room1/summary?local=true")).encode().contains(
            "\"endpointId\":\"" + c.endpoint() + "\"")) {
          onPeer = c;
          break;
        }
      }
      assertThat(onPeer).isNotNull();
      long sent = System.nanoTime();
      onPeer.next();
      String event;
      do {
        event = feed.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a quality event from the peer").isNotNull();
      } while (!(event.startsWith("event: quality") && event.contains("\"endpointId\":\"" + onPeer.endpoint() + "\"")));
      long liveMs = (System.nanoTime() - sent) / 1_000_000;
      System.out.printf("FAULT two_collectors: %d sessions through nginx (hash $arg_statsSessionId consistent) split "
              + "%d/%d, every reconnect back on its collector; summary through either merges all %d with the right "
              + "sites (%d ms through nginx, peer fetch included); a window on B reached A's live feed in %d ms%n",
          SESSIONS, onA, onB, SESSIONS, mergeMs, liveMs);
      for (ReconnectingClient c : clients) {
        c.leave();
      }
    }
  }

  private static CollectorProcess start(Path dir, int port, String conf) {
    try {
      return CollectorProcess.start(dir, port, conf);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int participants(CollectorProcess c, boolean local) throws Exception {
    String body = c.get("/api/v1/meetings/room1/summary" + (local ? "?local=true" : ""));
    return body.contains("\"participants\":[") ? new JsonObject(body).getJsonArray("participants").size() : 0;
  }

  private static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Server-sent events of {@code path}, one string per event. */
  private static BlockingQueue<String> sse(int port, String path) {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(resp -> {
          Thread t = new Thread(() -> {
            StringBuilder event = new StringBuilder();
            resp.body().forEach(line -> {
              if (line.isEmpty()) {
                events.add(event.toString());
                event.setLength(0);
              } else {
                event.append(line).append('\n');
              }
            });
          }, "sse-reader");
          t.setDaemon(true);
          t.start();
        });
    return events;
  }
}
