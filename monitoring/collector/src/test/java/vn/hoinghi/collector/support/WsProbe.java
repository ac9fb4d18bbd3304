package vn.hoinghi.collector.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test-side rtcstats client: connects, records what the server sends and how it closes. */
public final class WsProbe {

  public final WebSocket ws;
  public final BlockingQueue<String> received;
  public final CompletableFuture<Short> closed;

  private WsProbe(WebSocket ws, BlockingQueue<String> received, CompletableFuture<Short> closed) {
    this.ws = ws;
    this.received = received;
    this.closed = closed;
  }

  public static WsProbe connect(WebSocketClient client, int port, String uri, String subprotocol) throws Exception {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(uri);
    if (subprotocol != null) {
      options.addSubProtocol(subprotocol);
    }
    // Handlers go on before connecting: the server speaks first (the sn message), maybe before connect returns.
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    CompletableFuture<Short> closed = new CompletableFuture<>();
    ClientWebSocket cws = client.webSocket();
    cws.textMessageHandler(received::add);
    cws.closeHandler(v -> closed.complete(cws.closeStatusCode() == null ? -1 : cws.closeStatusCode()));
    WebSocket ws = cws.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new WsProbe(ws, received, closed);
  }

  public static WebSocketClient client(Vertx vertx) {
    return vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
        .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024));
  }

  /**
   * Opens a session as participant {@code endpoint} of {@code room} and sends one 10 s window: a baseline getstats
   * and {@code after}, stamped 10 s later (see {@link Frames#getstats}).
   */
  public static WsProbe oneWindow(WebSocketClient client, int port, String session, String room, String endpoint,
                                  JsonObject baseline, JsonObject after) throws Exception {
    WsProbe p = connect(client, port, "/?statsSessionId=" + session, "3.1_STANDARD");
    p.next();
    p.send(Frames.identity(session, new JsonObject().put("confName", room).put("endpointId", endpoint)));
    p.send(Frames.entry(session, "getstats", "PC_0", baseline, Frames.T0, 1));
    p.send(Frames.entry(session, "getstats", "PC_0", after, Frames.T0 + 10_000, 2));
    return p;
  }

  public JsonObject next() throws InterruptedException {
    String s = received.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("nothing received within 10 s");
    }
    return new JsonObject(s);
  }

  public void send(String text) throws Exception {
    ws.writeTextMessage(text).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public short awaitClose() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  public String closeReason() {
    return ws.closeReason();
  }
}
