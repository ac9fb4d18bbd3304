package vn.hoinghi.collector.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hoinghi.collector.attribution.Site;
import vn.hoinghi.collector.quality.AlertEvent;
import vn.hoinghi.collector.quality.Grade;
import vn.hoinghi.collector.quality.QualitySample;
import vn.hoinghi.collector.quality.QualitySink;
import vn.hoinghi.collector.quality.SiteAlertTracker;
import vn.hoinghi.collector.store.TelemetryWriter;

/**
 * Live state of every meeting: the latest window of each participant, per-site rollups (mean MOS), the 30 s poor-MOS
 * alerts, and the fan-out of each window to the live feed and storage. A few hundred windows a second arrive from
 * all event loops, so one monitor is enough; publishing and storing happen outside it.
 */
public final class QualityHub implements QualitySink {

  private final Clock clock;
  private final Duration stale;
  private final SiteAlertTracker alerts;
  private final LivePublisher live;
  private final TelemetryWriter store;
  private final Map<String, Map<String, QualitySample>> meetings = new HashMap<>();
  private final Map<String, Counter> samplesByLabel = new HashMap<>();
  private final Map<String, AtomicInteger> participantsByLabel = new HashMap<>();
  private final Map<String, AtomicInteger> alertsByRegion = new HashMap<>();
  private final MeterRegistry registry;

  public QualityHub(Clock clock, Duration poorAlert, Duration stale, LivePublisher live, TelemetryWriter store,
                    MeterRegistry registry, Set<String> regions) {
    this.clock = clock;
    this.stale = stale;
    this.alerts = new SiteAlertTracker(clock, poorAlert);
    this.live = live;
    this.store = store;
    this.registry = registry;
    List<String> labels = new ArrayList<>(regions);
    labels.add("unknown");
    for (String region : labels) {
      for (Grade grade : Grade.values()) {
        String key = region + "|" + grade.label();
        samplesByLabel.put(key, Counter.builder("collector_quality_windows_total").tag("region", region)
            .tag("grade", grade.label()).description("Participant quality windows, by site region and grade")
            .register(registry));
        AtomicInteger n = new AtomicInteger();
        participantsByLabel.put(key, n);
        Gauge.builder("collector_participants", n, AtomicInteger::get).tag("region", region)
            .tag("grade", grade.label()).description("Live participants by region and latest grade")
            .register(registry);
      }
      AtomicInteger a = new AtomicInteger();
      alertsByRegion.put(region, a);
      Gauge.builder("collector_site_alerts_active", a, AtomicInteger::get).tag("region", region)
          .description("Sites of a meeting whose MOS has stayed poor for the alert time").register(registry);
    }
  }

  @Override
  public void sample(QualitySample s) {
    List<AlertEvent> events = new ArrayList<>(1);
    synchronized (this) {
      meetings.computeIfAbsent(s.meeting(), m -> new HashMap<>()).put(s.endpointId(), s);
      evaluate(s.meeting(), s.site(), events);
    }
    Counter c = samplesByLabel.get(s.site().region() + "|" + s.grade().label());
    if (c != null) {
      c.increment();
    }
    live.publish(s.meeting(), "quality", SampleJson.of(s));
    store.quality(s);
    events.forEach(this::emit);
  }

  @Override
  public void left(String meeting, String endpointId) {
    List<AlertEvent> events = new ArrayList<>(1);
    synchronized (this) {
      Map<String, QualitySample> participants = meetings.get(meeting);
      if (participants == null) {
        return;
      }
      QualitySample last = participants.remove(endpointId);
      if (last != null) {
        evaluate(meeting, last.site(), events);
      }
      if (participants.isEmpty()) {
        meetings.remove(meeting);
      }
    }
    live.publish(meeting, "left", new JsonObject().put("endpointId", endpointId));
    events.forEach(this::emit);
  }

  /** Every few seconds: forget silent participants, re-check alerts, refresh the gauges. */
  public void tick() {
    List<AlertEvent> events = new ArrayList<>();
    synchronized (this) {
      Instant cutoff = clock.instant().minus(stale);
      participantsByLabel.values().forEach(n -> n.set(0));
      for (var meeting : new ArrayList<>(meetings.entrySet())) {
        List<Site> sites = new ArrayList<>();
        meeting.getValue().values().removeIf(s -> {
          sites.add(s.site());
          return s.windowEnd().isBefore(cutoff);
        });
        sites.stream().distinct().forEach(site -> evaluate(meeting.getKey(), site, events));
        meeting.getValue().values().forEach(s -> {
          AtomicInteger n = participantsByLabel.get(s.site().region() + "|" + s.grade().label());
          if (n != null) {
            n.incrementAndGet();
          }
        });
        if (meeting.getValue().isEmpty()) {
          meetings.remove(meeting.getKey());
        }
      }
    }
    events.forEach(this::emit);
  }

  /** Re-computes a site's rollup in a meeting and feeds the alert tracker. Caller holds the monitor. */
  private void evaluate(String meeting, Site site, List<AlertEvent> events) {
    if (!site.known()) {
      return; // unattributed participants are shown but never alert: there is no site to call
    }
    String key = meeting + "\u0000" + site.code();
    double mos = siteMos(meetings.getOrDefault(meeting, Map.of()), site.code());
    if (Double.isNaN(mos)) {
      if (alerts.forget(key)) {
        events.add(new AlertEvent(clock.instant(), meeting, site, false, 0));
      }
      return;
    }
    switch (alerts.update(key, mos)) {
      case RAISED -> events.add(new AlertEvent(clock.instant(), meeting, site, true, mos));
      case CLEARED -> events.add(new AlertEvent(clock.instant(), meeting, site, false, mos));
      default -> { }
    }
  }

  private void emit(AlertEvent e) {
    AtomicInteger n = alertsByRegion.getOrDefault(e.site().region(), alertsByRegion.get("unknown"));
    if (e.raised()) {
      n.incrementAndGet();
    } else {
      n.updateAndGet(v -> Math.max(0, v - 1));
    }
    live.publish(e.meeting(), "alert", new JsonObject().put("at", e.at().toString()).put("siteCode", e.site().code())
        .put("region", e.site().region()).put("raised", e.raised()).put("mos", SampleJson.round(e.mos())));
    store.alert(e);
  }

  private static double siteMos(Map<String, QualitySample> participants, String siteCode) {
    double sum = 0;
    int n = 0;
    for (QualitySample s : participants.values()) {
      if (s.site().code().equals(siteCode)) {
        sum += s.mos();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** The live summary of a meeting: participants' latest windows and per-site rollups; null when unknown. */
  public synchronized JsonObject summary(String meeting) {
    Map<String, QualitySample> participants = meetings.get(meeting);
    if (participants == null) {
      return null;
    }
    JsonArray people = new JsonArray();
    Map<String, List<QualitySample>> bySite = new TreeMap<>();
    participants.values().forEach(s -> {
      people.add(SampleJson.of(s));
      bySite.computeIfAbsent(s.site().code(), k -> new ArrayList<>()).add(s);
    });
    JsonArray sites = new JsonArray();
    bySite.forEach((code, samples) -> {
      double mos = samples.stream().mapToDouble(QualitySample::mos).average().orElse(0);
      String key = meeting + "\u0000" + code;
      sites.add(new JsonObject().put("siteCode", code).put("region", samples.get(0).site().region())
          .put("participants", samples.size()).put("mos", SampleJson.round(mos)).put("grade", Grade.of(mos).label())
          .put("alert", alerts.active(key)));
    });
    return new JsonObject().put("meeting", meeting).put("participants", people).put("sites", sites);
  }

  public synchronized List<String> meetings() {
    return new ArrayList<>(meetings.keySet());
  }

  MeterRegistry registry() {
    return registry;
  }
}
