package vn.hoinghi.collector.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed configuration of the collector; read once by {@link ConfigLoader}, injected everywhere else. */
public record CollectorConfig(
    Http http, Ingest ingest, Quality quality, Attribution attribution, Db db, Jvb jvb, Set<String> regions,
    List<String> peers) {

  public record Http(String host, int port, int instances, int maxMessageBytes, int idleTimeoutSeconds,
                     long handshakeTimeoutMillis) {}

  public record Ingest(String token, int maxConnections, int maxPeerConnections, int maxReportsPerPeerConnection,
                       int maxIdentityKeys, Duration reconnectMemory, int maxRememberedSessions) {
    public boolean tokenRequired() {
      return token != null && !token.isEmpty();
    }
  }

  public record Quality(Duration window, Duration poorAlert, Duration stale) {}

  /** {@code serviceKey}: sent as X-HoiNghi-Service-Key; the orchestrator's hoinghi.service-keys.collector. */
  public record Attribution(String mode, String orchestratorUrl, String serviceKey, Duration cache,
                            long timeoutMillis, Map<String, String> endpoints, Map<String, SiteInfo> sites) {}

  public record SiteInfo(String region, String kind) {}

  public record Db(boolean enabled, boolean embedded, String embeddedDir, String url, String user, String password,
                   int poolSize, int queueCapacity, int batchSize, long flushMillis, int retentionDays) {}

  public record Jvb(List<Bridge> bridges, long intervalMillis, long timeoutMillis, long maxBackoffMillis,
                    int lostAfterFailures) {}

  public record Bridge(String id, String region, String url) {}

  /** Same config with another HTTP port: tests bind port 0. */
  public CollectorConfig withPort(int port) {
    return new CollectorConfig(new Http(http.host(), port, http.instances(), http.maxMessageBytes(),
        http.idleTimeoutSeconds(), http.handshakeTimeoutMillis()), ingest, quality, attribution, db, jvb, regions,
        peers);
  }
}
