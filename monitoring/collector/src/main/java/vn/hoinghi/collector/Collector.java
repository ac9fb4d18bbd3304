package vn.hoinghi.collector;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import vn.hoinghi.collector.api.HttpApi;
import vn.hoinghi.collector.api.IngestVerticle;
import vn.hoinghi.collector.api.Peers;
import vn.hoinghi.collector.attribution.HttpSiteAttribution;
import vn.hoinghi.collector.attribution.SiteAttribution;
import vn.hoinghi.collector.attribution.SiteDirectory;
import vn.hoinghi.collector.attribution.StaticSiteAttribution;
import vn.hoinghi.collector.config.CollectorConfig;
import vn.hoinghi.collector.jvb.BridgeMetrics;
import vn.hoinghi.collector.jvb.BridgePoller;
import vn.hoinghi.collector.live.EventBusPublisher;
import vn.hoinghi.collector.live.LivePublisher;
import vn.hoinghi.collector.live.QualityHub;
import vn.hoinghi.collector.metrics.CollectorMetrics;
import vn.hoinghi.collector.quality.ParticipantQuality;
import vn.hoinghi.collector.rtcstats.FrameHandler;
import vn.hoinghi.collector.rtcstats.Identity;
import vn.hoinghi.collector.rtcstats.ReportFilter;
import vn.hoinghi.collector.rtcstats.RtcstatsEndpoint;
import vn.hoinghi.collector.rtcstats.RtcstatsSession;
import vn.hoinghi.collector.rtcstats.SessionRegistry;
import vn.hoinghi.collector.rtcstats.StoredSeq;
import vn.hoinghi.collector.store.DisabledTelemetryWriter;
import vn.hoinghi.collector.store.Partitions;
import vn.hoinghi.collector.store.PgStoredSeq;
import vn.hoinghi.collector.store.PgTelemetryWriter;
import vn.hoinghi.collector.store.StoreHealth;
import vn.hoinghi.collector.store.TelemetryQueries;
import vn.hoinghi.collector.store.TelemetryWriter;

/** Wires the collector's parts and deploys its verticles; used by {@link Main} and by the tests. */
public final class Collector {

  private final CollectorMetrics metrics;
  private final QualityHub hub;
  private final SessionRegistry registry;
  private int port;

  private Collector(CollectorMetrics metrics, QualityHub hub, SessionRegistry registry) {
    this.metrics = metrics;
    this.hub = hub;
    this.registry = registry;
  }

  /** Starts everything; {@code pool} is null when storage is disabled. Completes once the port is listening. */
  public static Future<Collector> start(Vertx vertx, CollectorConfig config, Clock clock, Pool pool) {
    CollectorMetrics metrics = new CollectorMetrics();
    StoreHealth storeHealth = new StoreHealth();
    TelemetryWriter writer = pool == null ? new DisabledTelemetryWriter(metrics.registry())
        : new PgTelemetryWriter(pool, config.db(), metrics.registry(), storeHealth);
    LivePublisher live = new EventBusPublisher(vertx);
    QualityHub hub = new QualityHub(clock, config.quality().poorAlert(), config.quality().stale(), live, writer,
        metrics.registry(), config.regions());
    SiteDirectory directory = new SiteDirectory(config.attribution().sites(), config.regions());
    SiteAttribution attribution = "http".equals(config.attribution().mode())
        ? new HttpSiteAttribution(vertx, config.attribution().orchestratorUrl(), config.attribution().serviceKey(),
            config.attribution().timeoutMillis(), config.attribution().cache(), clock, directory)
        : StaticSiteAttribution.from(config.attribution(), directory);
    SessionRegistry registry = new SessionRegistry(clock, config.ingest().reconnectMemory(),
        config.ingest().maxRememberedSessions());
    CollectorConfig.Ingest ingest = config.ingest();
    RtcstatsEndpoint.SessionEnd ended = session -> {
      String meeting = session.meetingOrNull();
      if (meeting != null) {
        hub.left(meeting, session.endpointOrId());
      }
    };
    long windowMs = config.quality().window().toMillis();
    RtcstatsEndpoint endpoint = new RtcstatsEndpoint(ingest, config.http().maxMessageBytes(), registry,
        new FrameHandler(hub, attribution, metrics, clock), metrics,
        id -> new RtcstatsSession(id, new Identity(ingest.maxIdentityKeys()),
            new ParticipantQuality(windowMs, metrics::counterReset, metrics::counterInvalid), ReportFilter.QUALITY,
            ingest.maxPeerConnections(), ingest.maxReportsPerPeerConnection()),
        ended, pool == null ? StoredSeq.NONE : new PgStoredSeq(pool, clock, ingest.reconnectMemory()));
    BridgeMetrics bridgeMetrics = new BridgeMetrics(metrics.registry(), config.regions());
    BridgePoller bridges = new BridgePoller(vertx, config.jvb(), clock, sample -> {
      bridgeMetrics.accept(sample);
      writer.bridge(sample);
    });
    HttpApi api = new HttpApi(metrics, hub, pool == null ? null : new TelemetryQueries(pool), bridges, storeHealth,
        new Peers(vertx, config.peers(), config.attribution().timeoutMillis()), clock);
    Collector collector = new Collector(metrics, hub, registry);

    Future<Void> ready = Future.succeededFuture();
    if (writer instanceof PgTelemetryWriter pg) {
      pg.start(vertx, config.db().flushMillis());
      Partitions partitions = new Partitions(pool, config.db().retentionDays());
      // today's partitions exist before the first row is accepted, so rows do not land in the default partition
      ready = partitions.maintain();
      partitions.start(vertx);
    }
    vertx.setPeriodic(5_000, id -> {
      hub.tick();
      registry.expire((session, left) -> ended.ended(session));
    });
    bridges.start();

    int instances = config.http().instances() > 0 ? config.http().instances()
        : Runtime.getRuntime().availableProcessors();
    // All instances share one server socket; with port 0 Vert.x gives them the same random port.
    java.util.List<IngestVerticle> deployed = new java.util.concurrent.CopyOnWriteArrayList<>();
    return ready.compose(nothing -> vertx.deployVerticle(() -> {
          IngestVerticle v = new IngestVerticle(config.http(), endpoint, api, metrics);
          deployed.add(v);
          return v;
        }, new DeploymentOptions().setInstances(instances)))
        .map(id -> {
          collector.port = deployed.get(0).actualPort();
          return id;
        })
        .map(id -> collector);
  }

  public int port() {
    return port;
  }

  public CollectorMetrics metrics() {
    return metrics;
  }

  public QualityHub hub() {
    return hub;
  }

  public SessionRegistry sessions() {
    return registry;
  }
}
