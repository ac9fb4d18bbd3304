package vn.hoinghi.collector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Reads {@code reference.conf} + an optional file + system properties into a {@link CollectorConfig}. */
public final class ConfigLoader {

  private ConfigLoader() {}

  public static CollectorConfig load(String fileOrNull) {
    Config base = ConfigFactory.load();
    if (fileOrNull != null) {
      base = ConfigFactory.systemProperties()
          .withFallback(ConfigFactory.parseFile(new File(fileOrNull)))
          .withFallback(base)
          .resolve();
    }
    return from(base.getConfig("collector"));
  }

  public static CollectorConfig from(Config c) {
    Config http = c.getConfig("http");
    Config ingest = c.getConfig("ingest");
    Config quality = c.getConfig("quality");
    Config attribution = c.getConfig("attribution");
    Config db = c.getConfig("db");
    Config jvb = c.getConfig("jvb");
    return new CollectorConfig(
        new CollectorConfig.Http(http.getString("host"), http.getInt("port"), http.getInt("instances"),
            http.getInt("max-message-bytes"), http.getInt("idle-timeout-seconds"),
            http.getLong("handshake-timeout-millis")),
        new CollectorConfig.Ingest(ingest.getString("token"), ingest.getInt("max-connections"),
            ingest.getInt("max-peer-connections"), ingest.getInt("max-reports-per-peer-connection"),
            ingest.getInt("max-identity-keys"), Duration.ofSeconds(ingest.getLong("reconnect-memory-seconds")),
            ingest.getInt("max-remembered-sessions")),
        new CollectorConfig.Quality(Duration.ofSeconds(quality.getLong("window-seconds")),
            Duration.ofSeconds(quality.getLong("poor-alert-seconds")),
            Duration.ofSeconds(quality.getLong("stale-seconds"))),
        new CollectorConfig.Attribution(attribution.getString("mode"), attribution.getString("orchestrator-url"),
            attribution.getString("service-key"), Duration.ofSeconds(attribution.getLong("cache-seconds")), attribution.getLong("timeout-millis"),
            stringMap(attribution.getConfig("endpoints")), sites(attribution.getConfig("sites"))),
        new CollectorConfig.Db(db.getBoolean("enabled"), db.getBoolean("embedded"), db.getString("embedded-dir"),
            db.getString("url"), db.getString("user"), db.getString("password"), db.getInt("pool-size"),
            db.getInt("queue-capacity"), db.getInt("batch-size"), db.getLong("flush-millis"),
            db.getInt("retention-days")),
        new CollectorConfig.Jvb(jvb.getConfigList("bridges").stream()
            .map(b -> new CollectorConfig.Bridge(b.getString("id"), b.getString("region"), b.getString("url")))
            .toList(), jvb.getLong("interval-millis"), jvb.getLong("timeout-millis"),
            jvb.getLong("max-backoff-millis"), jvb.getInt("lost-after-failures")),
        new LinkedHashSet<>(c.getStringList("regions")), List.copyOf(c.getStringList("peers")));
  }

  private static Map<String, String> stringMap(Config c) {
    Map<String, String> out = new LinkedHashMap<>();
    // Keys such as "room/abcd1234" are quoted paths in HOCON; entrySet gives them back unquoted.
    c.entrySet().forEach(e -> out.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped())));
    return out;
  }

  private static Map<String, CollectorConfig.SiteInfo> sites(Config c) {
    Map<String, CollectorConfig.SiteInfo> out = new LinkedHashMap<>();
    for (String code : c.root().keySet()) {
      Config s = c.getConfig("\"" + code + "\"");
      out.put(code, new CollectorConfig.SiteInfo(s.getString("region"), s.hasPath("kind") ? s.getString("kind") : "unknown"));
    }
    return out;
  }

  private static String unquote(String key) {
    List<String> parts = com.typesafe.config.ConfigUtil.splitPath(key);
    return String.join(".", parts);
  }
}
