package vn.hoinghi.collector.rtcstats;

import java.time.Clock;
import vn.hoinghi.collector.attribution.SiteAttribution;
import vn.hoinghi.collector.metrics.CollectorMetrics;

/**
 * Looks up a session's site when its identity names a new (meeting, endpoint), and again on later frames after a
 * failure, with {@link LookupBackoff}'s delays. Every outcome is counted in
 * {@code collector_attribution_lookups_total{outcome}}: found, unknown, failed, gave_up.
 */
final class AttributionLookups {

  private final SiteAttribution attribution;
  private final CollectorMetrics metrics;
  private final Clock clock;

  AttributionLookups(SiteAttribution attribution, CollectorMetrics metrics, Clock clock) {
    this.attribution = attribution;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** After an identity frame, under no lock: looks up when the key changed. */
  void identityChanged(RtcstatsSession session) {
    String meeting;
    String endpoint;
    synchronized (session) {
      if (session.attributionKeyToLookUp() == null) {
        return;
      }
      session.lookups().started();
      meeting = session.identity().meeting();
      endpoint = session.identity().endpointId();
    }
    lookUp(session, meeting, endpoint);
  }

  /** On a stats entry, called with the session's monitor held by the caller: true when a retry is due. */
  boolean retryDue(RtcstatsSession session) {
    return session.lookups().claimRetry(clock.millis());
  }

  void retry(RtcstatsSession session, String meeting, String endpoint) {
    lookUp(session, meeting, endpoint);
  }

  private void lookUp(RtcstatsSession session, String meeting, String endpoint) {
    attribution.siteOf(meeting, endpoint).onComplete(ar -> {
      synchronized (session) {
        if (ar.succeeded()) {
          session.lookups().succeeded();
          session.site(ar.result());
          metrics.attributionLookup(ar.result().known() ? "found" : "unknown");
        } else if (session.lookups().failed(clock.millis())) {
          metrics.attributionLookup("failed");
        } else {
          metrics.attributionLookup("gave_up");
        }
      }
    });
  }
}
