package vn.hoinghi.collector.faults;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vn.hoinghi.collector.support.Frames;

/**
 * An rtcstats client as lib-jitsi-meet behaves: keeps what it sent in a buffer, reconnects with
 * {@code isReconnect=true} when the socket drops, sends its identity again, waits for {@code sn} and replays only the
 * entries after it. One getstats per 10 s window of its clock (full samples, so a replay needs no earlier state).
 */
final class ReconnectingClient {

  private final String session;
  private final String room;
  private final String endpoint;
  private final Map<Long, String> buffer = new TreeMap<>();
  private volatile WebSocket ws;
  private volatile boolean open;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private long nextSeq = 1;
  int connects;
  long replayed;
  long lastSn;

  ReconnectingClient(String session, String room, String endpoint) {
    this.session = session;
    this.room = room;
    this.endpoint = endpoint;
  }

  /** Generates the next getstats; sends it when connected, else only buffers it (the browser keeps going). */
  void next() {
    long seq = nextSeq++;
    long ts = Frames.T0 + (seq - 1) * 10_000L;
    long k = seq - 1;
    String entry = Frames.entry(session, "getstats", "PC_0",
        Frames.getstats(ts, k * 100_000L, k * 500L, k * 40_000L, k * 400L, k * 4, 0.01, 0.05), ts, seq);
    buffer.put(seq, entry);
    if (open) {
      try {
        ws.sendText(entry, true).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        open = false;
      }
    }
  }

  String endpoint() {
    return endpoint;
  }

  long sent() {
    return nextSeq - 1;
  }

  boolean connected() {
    return open;
  }

  /** One connection attempt to {@code port}: on success identity, sn, replay. False when it failed. */
  boolean connect(int port) {
    String uri = "ws://localhost:" + port + "/?statsSessionId=" + session + (connects > 0 ? "&isReconnect=true" : "");
    try {
      received.clear();
      ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("3.1_STANDARD")
          .buildAsync(URI.create(uri), new Listener()).get(2, TimeUnit.SECONDS);
      String sn = received.poll(5, TimeUnit.SECONDS);
      if (sn == null) {
        ws.abort();
        return false;
      }
      lastSn = new JsonObject(sn).getJsonObject("body").getLong("value");
      open = true;
      connects++;
      ws.sendText(Frames.identity(session, new JsonObject().put("confName", room).put("endpointId", endpoint)), true)
          .get(5, TimeUnit.SECONDS);
      for (Map.Entry<Long, String> e : buffer.entrySet()) {
        if (e.getKey() > lastSn) {
          ws.sendText(e.getValue(), true).get(5, TimeUnit.SECONDS);
          if (connects > 1) {
            replayed++;
          }
        }
      }
      return true;
    } catch (Exception e) {
      open = false;
      return false;
    }
  }

  void leave() throws Exception {
    if (open) {
      ws.sendClose(3001, "left").get(5, TimeUnit.SECONDS);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received.add(text.toString());
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      if (socket == ws) { // a superseded older socket closing says nothing about the current one
        open = false;
      }
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      if (socket == ws) {
        open = false;
      }
    }
  }
}
