package vn.hoinghi.collector.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Where the telemetry database is: a {@code postgresql://host:port/db} URL plus credentials. */
public record Database(String url, String user, String password) {

  public String jdbcUrl() {
    return "jdbc:" + url;
  }

  /** Runs the migrations (blocking JDBC: call before serving), then returns a reactive pool. */
  public Pool migrateAndPool(Vertx vertx, int poolSize) {
    Migrations.migrate(jdbcUrl(), user, password);
    PgConnectOptions connect = PgConnectOptions.fromUri(url).setUser(user).setPassword(password)
        .setCachePreparedStatements(true);
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(poolSize)).connectingTo(connect).using(vertx).build();
  }
}
