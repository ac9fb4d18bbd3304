package vn.hoinghi.collector.support;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import vn.hoinghi.collector.Collector;
import vn.hoinghi.collector.config.CollectorConfig;
import vn.hoinghi.collector.config.ConfigLoader;

/** Starts a collector on port 0 with test settings given as HOCON overrides. */
public final class TestCollector {

  private TestCollector() {}

  public static CollectorConfig config(String overrides) {
    return ConfigLoader.from(ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseString("""
            collector.http.port = 0
            collector.http.instances = 2
            collector.db.enabled = false
            collector.attribution.endpoints { "room1/ep1" = "STP-HNI", "room1/ep2" = "THADS-HNI" }
            collector.attribution.sites { "STP-HNI" { region = north, kind = stp }, "THADS-HNI" { region = north, kind = thads } }
            """))
        .withFallback(ConfigFactory.defaultReference()).resolve().getConfig("collector"));
  }

  public static Collector start(Vertx vertx, CollectorConfig config, Clock clock, Pool pool) throws Exception {
    return Collector.start(vertx, config, clock, pool).toCompletionStage().toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }
}
