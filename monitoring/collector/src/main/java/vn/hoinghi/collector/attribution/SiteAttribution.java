package vn.hoinghi.collector.attribution;

import io.vertx.core.Future;

/**
 * Which site a participant is, from the (meeting, endpoint id) that its rtcstats identity frames announce. The
 * orchestrator owns that map (it sees the JWT-verified identity in presence, DESIGN §3 Roll-call); the identity frames
 * themselves are not trusted for the site. {@link Site#UNKNOWN} is an answer ("no such participant"); a failed
 * future means no answer could be had (orchestrator down, timeout) and the caller retries later with backoff.
 */
public interface SiteAttribution {

  Future<Site> siteOf(String meeting, String endpointId);
}
