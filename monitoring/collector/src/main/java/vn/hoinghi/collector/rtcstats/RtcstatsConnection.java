package vn.hoinghi.collector.rtcstats;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hoinghi.collector.metrics.CollectorMetrics;

/**
 * One rtcstats WebSocket: sends the {@code sn} handshake, reassembles fragmented messages up to the size limit,
 * hands each message to the {@link FrameHandler} and closes with a {@link CloseReason} when the input is bad.
 */
final class RtcstatsConnection {

  private static final Logger LOG = Logger.getLogger(RtcstatsConnection.class.getName());
  /** The code lib-jitsi-meet closes with when the participant leaves the conference. */
  static final short CLIENT_LEFT = 3001;
  private static final java.util.concurrent.atomic.AtomicBoolean TAP_MISSING_LOGGED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final ServerWebSocket ws;
  private final RtcstatsSession session;
  private final String expectedSessionId;
  private final FrameHandler handler;
  private final CollectorMetrics metrics;
  private final int maxMessageBytes;
  private final Runnable onClosed;
  private Buffer fragments;
  private boolean closing;

  RtcstatsConnection(ServerWebSocket ws, RtcstatsSession session, String expectedSessionId, FrameHandler handler,
                     CollectorMetrics metrics, int maxMessageBytes, Runnable onClosed) {
    this.ws = ws;
    this.session = session;
    this.expectedSessionId = expectedSessionId;
    this.handler = handler;
    this.metrics = metrics;
    this.maxMessageBytes = maxMessageBytes;
    this.onClosed = onClosed;
  }

  /** Starts reading and answers with the last sequence number seen (0 for a new session). */
  void start() {
    ws.frameHandler(this::onFrame);
    if (!DataFrameTap.install(ws, this)) {
      metrics.untapped();
      if (TAP_MISSING_LOGGED.compareAndSet(false, true)) {
        LOG.warning("data frames go through Vert.x's frame handler: this Vert.x exposes no channel pipeline to tap");
      }
    }
    ws.exceptionHandler(err -> {
      if (err instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException corrupted
          && !closing) {
        // Netty refused the frame (e.g. over max-message-bytes) and closes with its own status (1009 for size).
        closing = true;
        metrics.closed(corrupted.closeStatus().code() == 1009 ? CloseReason.TOO_BIG : CloseReason.BAD_FRAME);
      } else if (!closing) {
        LOG.log(Level.FINE, "rtcstats connection error", err);
      }
    });
    ws.closeHandler(v -> onClosed.run());
    JsonObject sn = new JsonObject().put("type", "sn")
        .put("body", new JsonObject().put("value", session.lastSeq()).put("state", "initial"));
    ws.writeTextMessage(sn.encode());
  }

  private void onFrame(WebSocketFrame frame) {
    if (closing || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
      return;
    }
    Buffer data = frame.binaryData();
    if (frame.isFinal() && fragments == null) {
      process(data);
      return;
    }
    append(data, frame.isFinal());
  }

  /** A data frame's payload as Netty read it (see {@link DataFrameTap}); valid only during the call. */
  void onData(ByteBuf content, boolean isFinal) {
    if (closing) {
      return;
    }
    int length = content.readableBytes();
    if (isFinal && fragments == null) {
      byte[] bytes = Scratch.get().message(length);
      content.getBytes(content.readerIndex(), bytes, 0, length);
      process(() -> handler.handle(session, expectedSessionId, bytes, length));
      return;
    }
    byte[] copy = new byte[length];
    content.getBytes(content.readerIndex(), copy);
    append(Buffer.buffer(copy), isFinal);
  }

  /** Adds a fragment; processes the message when it is the last one. */
  private void append(Buffer data, boolean isFinal) {
    if (fragments == null) {
      fragments = Buffer.buffer();
    }
    if (fragments.length() + data.length() > maxMessageBytes) {
      fragments = null;
      close(CloseReason.TOO_BIG);
      return;
    }
    fragments.appendBuffer(data);
    if (isFinal) {
      Buffer message = fragments;
      fragments = null;
      process(message);
    }
  }

  private void process(Buffer message) {
    process(() -> handler.handle(session, expectedSessionId, message));
  }

  private void process(Runnable handling) {
    try {
      handling.run();
    } catch (ProtocolException e) {
      LOG.fine(() -> "closing " + session.id() + ": " + e.reason().label() + ": " + e.getMessage());
      close(e.reason());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing " + session.id() + " after an internal error", e);
      close(CloseReason.INTERNAL);
    }
  }

  void close(CloseReason reason) {
    if (closing) {
      return;
    }
    closing = true;
    metrics.closed(reason);
    ws.close(reason.code(), reason.text());
  }

  /** True when the client closed saying the participant left (no reconnect will follow). */
  boolean clientLeft() {
    Short code = ws.closeStatusCode();
    return code != null && code == CLIENT_LEFT;
  }
}
