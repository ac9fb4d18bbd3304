package vn.hoinghi.collector.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Queues rows of one table and writes them with {@code executeBatch}, one batch in flight at a time. That single
 * in-flight batch is the backpressure: a slow database makes the queue grow instead of blocking ingest, and past
 * its capacity rows are dropped, counted ({@code collector_store_dropped_total}) and logged (at most once a minute).
 * A batch that fails for a reason that passes (disk full, database unreachable) is held and retried on each flush,
 * its rows still counted against the capacity, so a full disk costs the newest rows, not the held ones; a batch the
 * database refuses for its content is dropped ({@code reason="write_failed"}), or it would block the table for ever.
 */
public final class BatchWriter<T> {

  private static final Logger LOG = Logger.getLogger(BatchWriter.class.getName());

  private final String table;
  private final String insert;
  private final Function<T, Tuple> toTuple;
  private final Pool pool;
  private final int capacity;
  private final int batchSize;
  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong lastDropLog = new AtomicLong();
  private final Counter written;
  private final Counter droppedFull;
  private final Counter droppedFailed;
  private final Counter writeFailures;
  private final StoreHealth health;
  private List<Tuple> held = List.of(); // a batch whose write failed and will be retried
  private boolean inFlight;

  public BatchWriter(String table, String insert, Function<T, Tuple> toTuple, Pool pool, int capacity, int batchSize,
                     MeterRegistry registry) {
    this(table, insert, toTuple, pool, capacity, batchSize, registry, new StoreHealth());
  }

  public BatchWriter(String table, String insert, Function<T, Tuple> toTuple, Pool pool, int capacity, int batchSize,
                     MeterRegistry registry, StoreHealth health) {
    this.health = health;
    this.table = table;
    this.insert = insert;
    this.toTuple = toTuple;
    this.pool = pool;
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.written = Counter.builder("collector_store_written_total").tag("table", table).register(registry);
    this.droppedFull = Counter.builder("collector_store_dropped_total").tag("table", table)
        .tag("reason", "queue_full").register(registry);
    this.droppedFailed = Counter.builder("collector_store_dropped_total").tag("table", table)
        .tag("reason", "write_failed").register(registry);
    this.writeFailures = Counter.builder("collector_store_write_failures_total").tag("table", table)
        .description("Batch writes that failed (each held batch counts once per attempt)").register(registry);
    Gauge.builder("collector_store_queue_rows", size, AtomicInteger::get).tag("table", table).register(registry);
  }

  public void offer(T row) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      droppedFull.increment();
      logDrop("queue full (" + capacity + " rows)");
      return;
    }
    queue.add(row);
  }

  /** Writes up to one batch unless one is in flight; call periodically from one event loop. */
  public Future<Integer> flush() {
    if (inFlight || size.get() == 0) {
      return Future.succeededFuture(0);
    }
    List<Tuple> batch = held.isEmpty() ? take() : held;
    if (batch.isEmpty()) {
      return Future.succeededFuture(0);
    }
    inFlight = true;
    return pool.preparedQuery(insert).executeBatch(batch)
        .map(rows -> {
          held = List.of();
          size.addAndGet(-batch.size());
          written.increment(batch.size());
          health.recovered(table);
          return batch.size();
        })
        .recover(err -> {
          writeFailures.increment();
          String passing = StoreFailure.passingReason(err);
          if (passing != null) {
            held = batch;
            health.failed(table, passing);
            logDrop("write of " + batch.size() + " rows failed (" + passing + "), held for retry: " + err.getMessage());
          } else {
            held = List.of();
            size.addAndGet(-batch.size());
            droppedFailed.increment(batch.size());
            logDrop("write of " + batch.size() + " rows failed: " + err.getMessage());
          }
          return Future.succeededFuture(0);
        })
        .onComplete(ar -> inFlight = false);
  }

  /** Up to one batch from the queue; the rows stay counted in {@code size} until written or dropped. */
  private List<Tuple> take() {
    List<Tuple> batch = new ArrayList<>(Math.min(batchSize, size.get()));
    while (batch.size() < batchSize) {
      T row = queue.poll();
      if (row == null) {
        break;
      }
      batch.add(toTuple.apply(row));
    }
    return batch;
  }

  public int queued() {
    return size.get();
  }

  /** Starts flushing every {@code millis}; returns the timer id. */
  public long start(Vertx vertx, long millis) {
    return vertx.setPeriodic(millis, id -> flush().onSuccess(n -> {
      if (n == batchSize) {
        flush(); // keep up under load: another batch right away when the last one was full
      }
    }));
  }

  private void logDrop(String why) {
    long now = System.currentTimeMillis();
    long last = lastDropLog.get();
    if (now - last > 60_000 && lastDropLog.compareAndSet(last, now)) {
      LOG.warning("telemetry." + table + ": dropping rows: " + why);
    }
  }
}
