package vn.hoinghi.collector.bench;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * A WebSocket text frame as a browser sends it (RFC 6455 §5.2: FIN, masked), pre-built around a
 * {@link FrameTemplate} so that each send only rewrites the template's number holes (masked on the way) and writes
 * the bytes: the generator must cost the machine as little as possible, since the collector shares it.
 */
final class ClientFrame {

  private final byte[] bytes;
  private final int payloadStart;
  private final byte[] mask = new byte[4];
  private final byte[] glyphs;
  private final FrameTemplate template;

  ClientFrame(FrameTemplate template, Random random) {
    this.template = template;
    byte[] payload = template.bytes();
    int n = payload.length;
    int header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
    payloadStart = header + 4;
    bytes = new byte[payloadStart + n];
    bytes[0] = (byte) 0x81; // FIN + text
    if (n < 126) {
      bytes[1] = (byte) (0x80 | n);
    } else if (n < 65_536) {
      bytes[1] = (byte) (0x80 | 126);
      bytes[2] = (byte) (n >>> 8);
      bytes[3] = (byte) n;
    } else {
      bytes[1] = (byte) (0x80 | 127);
      for (int k = 0; k < 8; k++) {
        bytes[2 + k] = (byte) ((long) n >>> (56 - 8 * k));
      }
    }
    // A random key of four equal bytes: a digit's masked form then does not depend on its position, so filling a
    // hole is a table look-up per digit. The collector unmasks all 32 bits whatever the key, as for a browser's.
    java.util.Arrays.fill(mask, (byte) (1 + random.nextInt(255)));
    glyphs = FrameTemplate.glyphs(mask[0]);
    System.arraycopy(mask, 0, bytes, header, 4);
    for (int k = 0; k < n; k++) {
      bytes[payloadStart + k] = (byte) (payload[k] ^ mask[k & 3]);
    }
  }

  /** Writes {@code values} into the holes (masked) and returns the whole frame, ready to write. */
  ByteBuffer fill(long[] values) {
    template.fill(values, bytes, payloadStart, glyphs);
    return ByteBuffer.wrap(bytes);
  }

  int size() {
    return bytes.length;
  }
}
