package vn.hoinghi.collector.bench;

import io.vertx.core.http.WebSocket;

/** One simulated participant: its socket, two peer connections' templates and its counters' progress. */
final class ParticipantLoad {

  private static final long T0 = 1_700_000_000_000L;

  final WebSocket ws;
  private final JitsiStream[] pcs;
  private final long[][] increments;
  private final int[][] kinds;
  private long seq;
  private int turn;
  private final int[] samples;

  ParticipantLoad(WebSocket ws, JitsiStream[] pcs) {
    this.ws = ws;
    this.pcs = pcs;
    this.samples = new int[pcs.length];
    this.increments = new long[pcs.length][];
    this.kinds = new int[pcs.length][];
    for (int i = 0; i < pcs.length; i++) {
      String[] names = pcs[i].delta.names();
      increments[i] = new long[names.length];
      kinds[i] = new int[names.length];
      for (int h = 0; h < names.length; h++) {
        kinds[i][h] = names[h] == null ? (h == names.length - 1 ? 2 : 1)
            : names[h].equals("timestamp") || names[h].endsWith("Timestamp") ? 1 : 0;
        increments[i][h] = switch (names[h] == null ? "" : names[h]) {
          case "packetsReceived" -> 500;
          case "bytesReceived" -> 60_000;
          case "packetsLost" -> 1;
          case "headerBytesReceived" -> 6_000;
          case "framesDecoded" -> 300;
          case "totalSamplesReceived" -> 480_000;
          case "packetsSent" -> 900;
          case "bytesSent" -> 625_000;
          default -> 0;
        };
      }
    }
  }

  /** Sends the next getstats (peer connections in turn; the first of each is whole). Returns its size. */
  int sendNext() {
    int pc = turn++ % pcs.length;
    int k = samples[pc]++;
    FrameTemplate t = k == 0 ? pcs[pc].first : pcs[pc].delta;
    long now = System.currentTimeMillis();
    long[] values = new long[t.holes()];
    for (int h = 0; h < values.length; h++) {
      values[h] = switch (kinds[pc][h]) {
        case 1 -> now;
        case 2 -> ++seq;
        // counters advance as if 10 s passed per sample (so the collector's windows see realistic rates)
        default -> 1_000 + (long) k * increments[pc][h];
      };
    }
    byte[] frame = t.fill(values);
    // A text frame from UTF-8 bytes as they are (Vert.x internal constructor): no String round trip per message.
    ws.writeFrame(new io.vertx.core.http.impl.ws.WebSocketFrameImpl(
        io.vertx.core.http.WebSocketFrameType.TEXT, frame, true));
    return frame.length;
  }

  static long syntheticClock(int k) {
    return T0 + k * 10_000L;
  }
}
