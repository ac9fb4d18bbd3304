package vn.hoinghi.collector;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.time.Clock;
import java.util.logging.Logger;
import vn.hoinghi.collector.config.CollectorConfig;
import vn.hoinghi.collector.config.ConfigLoader;
import vn.hoinghi.collector.store.Database;

/**
 * {@code java -jar collector.jar [collector.conf]}: configuration from reference.conf, the optional file, environment
 * variables (see reference.conf) and -Dcollector.… properties.
 */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) throws Exception {
    CollectorConfig config = ConfigLoader.load(args.length > 0 ? args[0] : null);
    // epoll when on Linux (the jar carries it), NIO elsewhere; logged so an operator sees which one runs
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    LOG.info(() -> "transport: " + (vertx.isNativeTransportEnabled() ? "native epoll" : "NIO ("
        + vertx.unavailableNativeTransportCause() + ")"));
    Pool pool = null;
    if (config.db().enabled()) {
      Database db = config.db().embedded() ? embedded(config.db()) : new Database(config.db().url(),
          config.db().user(), config.db().password());
      pool = db.migrateAndPool(vertx, config.db().poolSize());
    }
    Collector.start(vertx, config, Clock.systemUTC(), pool)
        .onSuccess(c -> LOG.info("collector listening on port " + c.port()))
        .onFailure(err -> {
          LOG.severe("collector failed to start: " + err);
          vertx.close();
          System.exit(1);
        });
  }

  /** The demo's database: a PostgreSQL 17 kept under embedded-dir between runs. */
  private static Database embedded(CollectorConfig.Db db) throws Exception {
    File dir = new File(db.embeddedDir());
    dir.mkdirs();
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        pg.close();
      } catch (Exception e) {
        LOG.warning("embedded PostgreSQL did not stop cleanly: " + e);
      }
    }));
    LOG.info("embedded PostgreSQL on port " + pg.getPort());
    return new Database("postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "postgres");
  }
}
