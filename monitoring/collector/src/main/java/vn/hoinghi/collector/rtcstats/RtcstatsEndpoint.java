package vn.hoinghi.collector.rtcstats;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import vn.hoinghi.collector.config.CollectorConfig;
import vn.hoinghi.collector.metrics.CollectorMetrics;

/**
 * The rtcstats WebSocket endpoint (DESIGN §3): any path, subprotocol {@code 3.1_STANDARD}, query
 * {@code statsSessionId} and {@code isReconnect}. Reconnects are accepted and resume their session.
 */
public final class RtcstatsEndpoint {

  public static final String SUBPROTOCOL = "3.1_STANDARD";

  private final CollectorConfig.Ingest config;
  private final int maxMessageBytes;
  private final SessionRegistry registry;
  private final FrameHandler handler;
  private final CollectorMetrics metrics;
  private final IngestToken token;
  private final Function<String, RtcstatsSession> sessions;
  private final SessionEnd sessionEnd;
  private final StoredSeq storedSeq;

  /** Told when a session is over for good: the participant left, or its reconnect memory expired. */
  public interface SessionEnd {
    void ended(RtcstatsSession session);
  }

  public RtcstatsEndpoint(CollectorConfig.Ingest config, int maxMessageBytes, SessionRegistry registry,
                          FrameHandler handler, CollectorMetrics metrics, Function<String, RtcstatsSession> sessions,
                          SessionEnd sessionEnd, StoredSeq storedSeq) {
    this.storedSeq = storedSeq;
    this.config = config;
    this.maxMessageBytes = maxMessageBytes;
    this.registry = registry;
    this.handler = handler;
    this.metrics = metrics;
    this.token = new IngestToken(config.token());
    this.sessions = sessions;
    this.sessionEnd = sessionEnd;
  }

  public void handshake(Vertx vertx, ServerWebSocketHandshake hs) {
    String offered = hs.headers().get("Sec-WebSocket-Protocol");
    if (offered == null || !List.of(offered.split("\\s*,\\s*")).contains(SUBPROTOCOL)) {
      metrics.rejected("subprotocol");
      hs.reject(400);
      return;
    }
    if (metrics.openConnections() >= config.maxConnections()) {
      metrics.rejected("overloaded");
      hs.reject(503);
      return;
    }
    Map<String, List<String>> query = new QueryStringDecoder(hs.uri()).parameters();
    boolean authorized = token.accepts(hs.path(), first(query, "token"));
    String urlSessionId = first(query, "statsSessionId");
    boolean reconnect = "true".equals(first(query, "isReconnect"));
    hs.accept().onSuccess(ws -> {
      if (!authorized) {
        // Accept, then close with 3002: a refused handshake would make the client retry for ever.
        metrics.rejected("unauthorized");
        metrics.closed(CloseReason.UNAUTHORIZED);
        ws.close(CloseReason.UNAUTHORIZED.code(), CloseReason.UNAUTHORIZED.text());
        return;
      }
      String id = urlSessionId != null && !urlSessionId.isEmpty() && urlSessionId.length() <= 128
          ? urlSessionId : "anonymous-" + UUID.randomUUID();
      if (!reconnect || registry.remembers(id)) {
        open(ws, id, urlSessionId, reconnect, 0);
        return;
      }
      // A reconnect this process knows nothing of (it restarted, or the client was sent to another collector):
      // resume after the last stored window so the client does not replay what is already stored.
      ws.pause();
      io.vertx.core.Context context = Vertx.currentContext();
      storedSeq.lastStored(id).otherwise(0L).onComplete(ar -> context.runOnContext(v -> {
        metrics.storeResume();
        open(ws, id, urlSessionId, true, ar.result());
        ws.resume();
      }));
    });
  }

  private void open(ServerWebSocket ws, String id, String urlSessionId, boolean reconnect, long storedSeq) {
    Owner owner = new Owner(Vertx.currentContext());
    SessionRegistry.Attached attached = registry.attach(id, reconnect, owner, sessions);
    if (attached.resumed()) {
      metrics.reconnect();
    } else if (storedSeq > 0) {
      attached.session().resumeAt(storedSeq);
    }
    if (attached.previousOwner() instanceof Owner previous && previous.connection != null) {
      previous.context.runOnContext(v -> previous.connection.close(CloseReason.SUPERSEDED));
    }
    metrics.connectionOpened();
    owner.connection = new RtcstatsConnection(ws, attached.session(), urlSessionId, handler, metrics,
        maxMessageBytes, () -> {
          metrics.connectionClosed();
          registry.detach(id, owner, owner.connection.clientLeft(), (session, left) -> sessionEnd.ended(session));
        });
    owner.connection.start();
  }

  /** A connection as the registry knows it, with the event loop to close it on. */
  private static final class Owner {
    private final io.vertx.core.Context context;
    private volatile RtcstatsConnection connection;

    private Owner(io.vertx.core.Context context) {
      this.context = context;
    }
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
