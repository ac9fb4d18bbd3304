package vn.hoinghi.collector.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The client side of an rtcstats WebSocket at the socket level, for the load generator: the HTTP upgrade with the
 * {@code 3.1_STANDARD} subprotocol, then waiting for the collector's {@code sn} message as lib-jitsi-meet does before
 * it sends stats. What follows is written as pre-built frames ({@link ClientFrame}), one socket write per message.
 */
final class RawWebSocket {

  private RawWebSocket() {}

  /** Connects and completes the handshake; the channel is left blocking. */
  static SocketChannel open(String host, int port, String uri, Random random) throws IOException {
    SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
    ch.socket().setTcpNoDelay(true);
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String request = "GET " + uri + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: 3.1_STANDARD\r\n\r\n";
    ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
    while (out.hasRemaining()) {
      ch.write(out);
    }
    ByteBuffer in = ByteBuffer.allocate(4096);
    StringBuilder seen = new StringBuilder();
    while (seen.indexOf("\"sn\"") < 0) {
      in.clear();
      if (ch.read(in) < 0) {
        throw new IOException("closed during the handshake: " + seen);
      }
      seen.append(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
      if (seen.length() > 0 && !seen.toString().startsWith("HTTP/1.1 101")) {
        throw new IOException("upgrade refused: " + seen);
      }
    }
    return ch;
  }
}
