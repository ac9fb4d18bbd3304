package vn.hoinghi.collector.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import vn.hoinghi.collector.rtcstats.StoredSeq;

/** Reads a session's last stored window's seq, looking back no further than a reconnect can come from. */
public final class PgStoredSeq implements StoredSeq {

  private final Pool pool;
  private final Clock clock;
  private final Duration lookBack;

  public PgStoredSeq(Pool pool, Clock clock, Duration lookBack) {
    this.pool = pool;
    this.clock = clock;
    this.lookBack = lookBack;
  }

  @Override
  public Future<Long> lastStored(String sessionId) {
    return pool.preparedQuery("""
            SELECT coalesce(max(seq), 0) FROM telemetry.quality_sample WHERE stats_session_id = $1 AND at > $2""")
        .execute(Tuple.of(sessionId, clock.instant().minus(lookBack).atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
