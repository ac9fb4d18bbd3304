package vn.hoinghi.collector.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * rtcstats load: {@code LoadGenerator <port> <connections> <msgPerSecond> <seconds>}. One thread and plain sockets:
 * each participant connects, upgrades, waits for the collector's {@code sn} (as the client does), sends its identity,
 * then the thread paces getstats messages over all participants in turn, one socket write each, pre-built and
 * pre-masked frames with only their numbers rewritten. A participant whose previous message has not left is skipped
 * (reported: that is the collector pushing back). Prints one JSON line.
 *
 * <p>With a fifth argument {@code <room>}, every participant is in that one meeting, with the endpoint id the
 * orchestrator's all-hands scenario gives participant n in the MUC ({@code %08x} of 0x10000000 + n), so the collector
 * can ask the orchestrator who each one is.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    String room = args.length > 4 ? args[4] : null;
    Random random = new Random(42);
    List<ParticipantLoad> participants = new ArrayList<>();
    long connectStart = System.nanoTime();
    int failed = 0;
    for (int i = 0; i < connections; i++) {
      String session = "bench-" + i;
      try {
        SocketChannel ch = RawWebSocket.open("127.0.0.1", port,
            "/?statsSessionId=" + session + "&isReconnect=false", random);
        byte[] identity = (room == null ? JitsiStream.identity(session, "bench-room-" + (i / 50), "ep" + i % 50)
            : JitsiStream.identity(session, room, String.format("%08x", 0x10000000 + i)))
            .getBytes(StandardCharsets.UTF_8);
        ch.write(new ClientFrame(FrameTemplate.of(new String(identity, StandardCharsets.UTF_8)), random)
            .fill(new long[0]));
        ch.configureBlocking(false);
        participants.add(new ParticipantLoad(ch, new JitsiStream[] {
            JitsiStream.forPeerConnection(session, "PC_0"), JitsiStream.forPeerConnection(session, "PC_1")}, random));
      } catch (IOException e) {
        failed++;
      }
    }
    JitsiStream sample = JitsiStream.forPeerConnection("bench-0", "PC_0");
    System.err.printf("connected %d (failed %d) in %.1f s; first frame %d B, delta %d B%n", participants.size(),
        failed, (System.nanoTime() - connectStart) / 1e9, sample.first.size(), sample.delta.size());
    if (participants.isEmpty()) {
      throw new IllegalStateException("no participant could connect");
    }

    long sent = 0;
    long bytes = 0;
    long skipped = 0;
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long due = 0; // messages due since start
    int cursor = 0;
    for (long now = start; now < end; now = System.nanoTime()) {
      // credit from the time really elapsed: a late wake-up sends more, so the rate holds whatever the scheduler does;
      // but at most 5 ms worth at once, as 4,000 independent browsers would never line up behind one late thread
      long target = Math.min((now - start) * rate / 1_000_000_000L, due + Math.max(1, rate / 200));
      if (due >= target) {
        Thread.sleep(0, 500_000);
        continue;
      }
      for (; due < target && ((due & 63) != 0 || System.nanoTime() < end); due++) {
        ParticipantLoad p = participants.get(cursor);
        cursor = cursor + 1 == participants.size() ? 0 : cursor + 1;
        int size = p.sendNext();
        if (size == 0) {
          skipped++;
        } else {
          bytes += size;
          sent++;
        }
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (cpuNanos() - cpuStart) / 1e9;
    System.out.printf("{\"connections\":%d,\"failedConnections\":%d,\"targetMsgPerSec\":%d,\"sentMsgPerSec\":%.0f,"
            + "\"sentMBPerSec\":%.1f,\"avgFrameBytes\":%.0f,\"skippedWriteQueueFull\":%d,\"generatorCpuCores\":%.2f,"
            + "\"seconds\":%.1f,\"sentMessages\":%d}%n", participants.size(), failed, rate, sent / elapsed,
        bytes / elapsed / 1e6, sent == 0 ? 0.0 : (double) bytes / sent, skipped, cpu / elapsed, elapsed, sent);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
