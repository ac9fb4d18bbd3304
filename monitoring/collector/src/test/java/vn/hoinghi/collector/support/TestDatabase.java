package vn.hoinghi.collector.support;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hoinghi.collector.store.Database;

/** One real PostgreSQL 17 per test JVM (zonky), a fresh database per caller. */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabase() {}

  public static synchronized Database fresh() throws Exception {
    if (postgres == null) {
      postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (Exception ignored) {
          // the JVM is going away anyway
        }
      }));
    }
    String name = "telemetry_test_" + COUNTER.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new Database("postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "postgres");
  }

  public static Pool pool(Vertx vertx, Database db) {
    return db.migrateAndPool(vertx, 4);
  }
}
