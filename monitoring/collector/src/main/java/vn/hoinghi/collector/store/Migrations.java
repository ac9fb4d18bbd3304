package vn.hoinghi.collector.store;

import org.flywaydb.core.Flyway;

/** Runs the collector's own Flyway migrations (schema {@code telemetry}); blocking, so only before Vert.x serves. */
public final class Migrations {

  private Migrations() {}

  public static int migrate(String jdbcUrl, String user, String password) {
    return Flyway.configure()
        .dataSource(jdbcUrl, user, password)
        .schemas("telemetry")
        .createSchemas(true)
        .locations("classpath:db/telemetry")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
