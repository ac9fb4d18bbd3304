package vn.hoinghi.collector.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * rtcstats load: {@code LoadGenerator <port> <connections> <msgPerSecond> <seconds>}. One event loop, pre-serialised
 * frames, waits for each connection's {@code sn} before sending (as the client does), paces by a 10 ms tick and skips
 * a connection whose write queue is full (reported: that is the collector pushing back). Prints one JSON line.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(connections + 10).setConnectTimeout(30_000));
    List<ParticipantLoad> participants = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(connections);
    long connectStart = System.nanoTime();
    AtomicLong failed = new AtomicLong();
    for (int n = 0; n < connections; n++) {
      int i = n;
      String session = "bench-" + i;
      String meeting = "bench-room-" + (i / 50);
      ClientWebSocket cws = client.webSocket();
      JitsiStream[] pcs = {JitsiStream.forPeerConnection(session, "PC_0"), JitsiStream.forPeerConnection(session, "PC_1")};
      cws.textMessageHandler(msg -> {
        if (msg.contains("\"sn\"")) {
          ready.countDown();
        }
      });
      Future<Void> opened = cws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
              .setURI("/?statsSessionId=" + session + "&isReconnect=false").addSubProtocol("3.1_STANDARD"))
          .map(ws -> {
            ws.writeTextMessage(JitsiStream.identity(session, meeting, "ep" + i % 50));
            synchronized (participants) {
              participants.add(new ParticipantLoad(ws, pcs));
            }
            return null;
          });
      opened.onFailure(err -> {
        failed.incrementAndGet();
        ready.countDown();
      });
      if (n % 200 == 199) {
        Thread.sleep(50); // do not SYN-flood the accept queue
      }
    }
    ready.await();
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
    System.err.printf("connected %d (failed %d) in %.1f s; first frame %d B, delta %d B%n", participants.size(),
        failed.get(), connectSeconds, JitsiStream.forPeerConnection("bench-0", "PC_0").first.size(),
        JitsiStream.forPeerConnection("bench-0", "PC_0").delta.size());

    AtomicLong sent = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    long[] cursor = {0};
    double[] credit = {0};
    long[] last = {System.nanoTime()};
    long timer = vertx.setPeriodic(10, id -> {
      // credit from the time really elapsed: a late tick sends more, so the rate holds whatever the timer does
      long now = System.nanoTime();
      credit[0] = Math.min(credit[0] + rate * (now - last[0]) / 1e9, rate / 10.0);
      last[0] = now;
      int n = (int) credit[0];
      credit[0] -= n;
      for (int j = 0; j < n; j++) {
        ParticipantLoad p = participants.get((int) (cursor[0]++ % participants.size()));
        if (p.ws.writeQueueFull()) {
          skipped.incrementAndGet();
          continue;
        }
        bytes.addAndGet(p.sendNext());
        sent.incrementAndGet();
      }
    });
    Thread.sleep(seconds * 1000L);
    vertx.cancelTimer(timer);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (cpuNanos() - cpuStart) / 1e9;
    System.out.printf("{\"connections\":%d,\"failedConnections\":%d,\"targetMsgPerSec\":%d,\"sentMsgPerSec\":%.0f,"
            + "\"sentMBPerSec\":%.1f,\"avgFrameBytes\":%.0f,\"skippedWriteQueueFull\":%d,\"generatorCpuCores\":%.2f,"
            + "\"seconds\":%.1f}%n", participants.size(), failed.get(), rate, sent.get() / elapsed,
        bytes.get() / elapsed / 1e6, sent.get() == 0 ? 0.0 : (double) bytes.get() / sent.get(), skipped.get(),
        cpu / elapsed, elapsed);
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
