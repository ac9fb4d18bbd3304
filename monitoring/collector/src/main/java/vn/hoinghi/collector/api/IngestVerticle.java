package vn.hoinghi.collector.api;

import io.vertx.core.VerticleBase;
import io.vertx.core.Future;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hoinghi.collector.config.CollectorConfig;
import vn.hoinghi.collector.metrics.CollectorMetrics;
import vn.hoinghi.collector.rtcstats.RtcstatsEndpoint;

/**
 * One event loop's share of port 8090: the rtcstats WebSocket and the HTTP API on one server. Deployed once per
 * core; Vert.x spreads connections over the instances. Its start completes only once {@code listen} has succeeded.
 */
public final class IngestVerticle extends VerticleBase {

  private final CollectorConfig.Http config;
  private final RtcstatsEndpoint endpoint;
  private final HttpApi api;
  private final CollectorMetrics metrics;
  /** Connections that have not finished their first request yet, by remote address (slow-loris guard). */
  private final Map<String, HttpConnection> pending = new ConcurrentHashMap<>();
  private HttpServer server;

  public IngestVerticle(CollectorConfig.Http config, RtcstatsEndpoint endpoint, HttpApi api,
                        CollectorMetrics metrics) {
    this.config = config;
    this.endpoint = endpoint;
    this.api = api;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host()).setPort(config.port())
        .addWebSocketSubProtocol(RtcstatsEndpoint.SUBPROTOCOL)
        .setMaxWebSocketFrameSize(config.maxMessageBytes())
        .setMaxWebSocketMessageSize(config.maxMessageBytes())
        .setIdleTimeout(config.idleTimeoutSeconds())
        .setTcpNoDelay(true)
        // Without h2c, Vert.x sets up HTTP/1 at accept time, so the connection handler (the slow-loris guard)
        // runs then; with h2c it would run only once the first request had been read.
        .setHttp2ClearTextEnabled(false);
    var router = api.router(vertx);
    server = vertx.createHttpServer(options)
        .connectionHandler(this::guard)
        .webSocketHandshakeHandler(hs -> {
          pending.remove(String.valueOf(hs.remoteAddress()));
          endpoint.handshake(vertx, hs);
        })
        .requestHandler(req -> {
          pending.remove(String.valueOf(req.remoteAddress()));
          router.handle(req);
        });
    return server.listen();
  }

  /** Live SSE streams never finish: give them a second, not the default graceful wait, when undeployed. */
  @Override
  public Future<?> stop() {
    return server.shutdown(1, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Closes a connection that has not completed a request within the handshake timeout. */
  private void guard(HttpConnection conn) {
    String key = String.valueOf(conn.remoteAddress());
    pending.put(key, conn);
    vertx.setTimer(config.handshakeTimeoutMillis(), id -> {
      if (pending.remove(key, conn)) {
        metrics.rejected("handshake_timeout");
        abort(conn);
      }
    });
    conn.closeHandler(v -> pending.remove(key, conn));
  }

  /**
   * Drops the TCP connection at once. {@code HttpConnection.close()} is a graceful shutdown in Vert.x 5, which waits
   * for the request being received: exactly what a slow-loris never finishes.
   */
  private static void abort(HttpConnection conn) {
    if (conn instanceof io.vertx.core.net.impl.ConnectionBase base) {
      base.channelHandlerContext().channel().close();
    } else {
      conn.close();
    }
  }

  public int actualPort() {
    return server.actualPort();
  }
}
