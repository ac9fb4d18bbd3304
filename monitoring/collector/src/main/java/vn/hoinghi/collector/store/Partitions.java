package vn.hoinghi.collector.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.logging.Logger;

/** Keeps tomorrow's daily partitions ready and drops those past retention, hourly. */
public final class Partitions {

  private static final Logger LOG = Logger.getLogger(Partitions.class.getName());
  private static final int DAYS_AHEAD = 2;

  private final Pool pool;
  private final int retentionDays;

  public Partitions(Pool pool, int retentionDays) {
    this.pool = pool;
    this.retentionDays = retentionDays;
  }

  public Future<Void> maintain() {
    return pool.preparedQuery("SELECT telemetry.ensure_partitions($1)").execute(Tuple.of(DAYS_AHEAD))
        .compose(r -> pool.preparedQuery("SELECT telemetry.drop_partitions_older_than($1)")
            .execute(Tuple.of(retentionDays)))
        .onFailure(err -> LOG.warning("partition maintenance failed: " + err.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty(); // a failed maintenance is logged; it must not stop ingest
  }

  public long start(Vertx vertx) {
    return vertx.setPeriodic(3_600_000L, id -> maintain());
  }
}
