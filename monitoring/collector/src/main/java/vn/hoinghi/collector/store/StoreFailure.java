package vn.hoinghi.collector.store;

import io.vertx.pgclient.PgException;

/** Sorts a failed write: worth retrying (the cause passes) or not (the rows themselves are refused). */
final class StoreFailure {

  private StoreFailure() {}

  /** {@link StoreHealth#DISK_FULL}, {@link StoreHealth#DATABASE_UNAVAILABLE}, or null when retrying cannot help. */
  static String passingReason(Throwable err) {
    if (err instanceof PgException pg) {
      String state = pg.getSqlState() == null ? "" : pg.getSqlState();
      if (state.equals("53100")) {
        return StoreHealth.DISK_FULL; // disk_full, also "could not extend file": No space left on device
      }
      // class 53 insufficient resources, 08 connection, 57 operator intervention (shutdown, admin restart)
      return state.startsWith("53") || state.startsWith("08") || state.startsWith("57")
          ? StoreHealth.DATABASE_UNAVAILABLE : null;
    }
    return StoreHealth.DATABASE_UNAVAILABLE; // no answer from the database: closed connection, pool timeout
  }
}
