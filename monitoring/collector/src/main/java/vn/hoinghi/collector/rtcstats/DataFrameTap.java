package vn.hoinghi.collector.rtcstats;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * Takes an rtcstats connection's data frames straight from Netty, in the channel's pipeline just before Vert.x's
 * handler, and hands their bytes to the {@link RtcstatsConnection}. Vert.x would copy every frame into a fresh heap
 * buffer and queue it through its context first: at tens of thousands of 5 KB messages per second that copy was
 * most of the collector's garbage, and its young collections the worst of the ingest latency. Close, ping and pong
 * frames go on to Vert.x, which keeps handling the protocol; data frames that arrived before the tap was added
 * still reach the connection through Vert.x's frame handler, in order, since both run on the channel's event loop.
 */
final class DataFrameTap extends ChannelInboundHandlerAdapter {

  private static final String NAME = "rtcstats-data-frames";

  private final RtcstatsConnection connection;

  private DataFrameTap(RtcstatsConnection connection) {
    this.connection = connection;
  }

  /** Adds the tap to the connection's pipeline; false when this WebSocket does not expose its channel. */
  static boolean install(ServerWebSocket ws, RtcstatsConnection connection) {
    if (!(ws instanceof WebSocketInternal internal)) {
      return false;
    }
    var pipeline = internal.channelHandlerContext().pipeline();
    if (pipeline.get("handler") == null || pipeline.get(NAME) != null) {
      return false;
    }
    pipeline.addBefore("handler", NAME, new DataFrameTap(connection));
    return true;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
        || msg instanceof ContinuationWebSocketFrame) {
      WebSocketFrame frame = (WebSocketFrame) msg;
      try {
        connection.onData(frame.content(), frame.isFinalFragment());
      } finally {
        frame.release();
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
