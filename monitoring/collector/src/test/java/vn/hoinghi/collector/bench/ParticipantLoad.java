package vn.hoinghi.collector.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Random;

/** One simulated participant: its socket, two peer connections' frames and its counters' progress. */
final class ParticipantLoad {

  private final SocketChannel ch;
  private final ClientFrame[] first;
  private final ClientFrame[] delta;
  private final long[][] increments;
  private final int[][] kinds;
  private final long[] values;
  private ByteBuffer pending;
  private long seq;
  private int turn;
  private final int[] samples;

  ParticipantLoad(SocketChannel ch, JitsiStream[] pcs, Random random) {
    this.ch = ch;
    this.first = new ClientFrame[pcs.length];
    this.delta = new ClientFrame[pcs.length];
    this.samples = new int[pcs.length];
    this.increments = new long[pcs.length][];
    this.kinds = new int[pcs.length][];
    int maxHoles = 0;
    for (int i = 0; i < pcs.length; i++) {
      first[i] = new ClientFrame(pcs[i].first, random);
      delta[i] = new ClientFrame(pcs[i].delta, random);
      String[] names = pcs[i].delta.names();
      maxHoles = Math.max(maxHoles, Math.max(names.length, pcs[i].first.holes()));
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
    this.values = new long[maxHoles];
  }

  /**
   * Sends the next getstats (peer connections in turn; the first of each is whole) with one socket write. Returns its
   * size, or 0 when the previous message has not left yet (the collector is pushing back): that one goes first.
   */
  int sendNext() throws IOException {
    if (pending != null) {
      ch.write(pending);
      if (pending.hasRemaining()) {
        return 0;
      }
      pending = null;
    }
    int pc = turn++ % first.length;
    int k = samples[pc]++;
    ClientFrame frame = k == 0 ? first[pc] : delta[pc];
    // first and delta templates have their holes in the same order: counters…, timestamp, clientTs, seq
    int holes = kinds[pc].length;
    long now = System.currentTimeMillis();
    for (int h = 0; h < holes; h++) {
      values[h] = switch (kinds[pc][h]) {
        case 1 -> now;
        case 2 -> ++seq;
        // counters advance as if 10 s passed per sample (so the collector's windows see realistic rates)
        default -> 1_000 + (long) k * increments[pc][h];
      };
    }
    ByteBuffer out = frame.fill(values);
    ch.write(out);
    if (out.hasRemaining()) {
      pending = ByteBuffer.allocate(out.remaining()).put(out).flip();
    }
    return frame.size();
  }
}
