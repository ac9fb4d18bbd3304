package vn.hoinghi.collector.quality;

import java.time.Instant;
import vn.hoinghi.collector.attribution.Site;

/** A site's quality alert in a meeting was raised (MOS poor for the alert time) or cleared. */
public record AlertEvent(Instant at, String meeting, Site site, boolean raised, double mos) {}
