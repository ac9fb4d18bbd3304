package vn.hoinghi.collector.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Raises an alert when a site's MOS in a meeting stays below fair (poor or bad) for the configured time (30 s),
 * once, and clears it when the site is back to fair or better. Time from an injected clock.
 */
public final class SiteAlertTracker {

  /** What an update did. */
  public enum Transition { NONE, RAISED, CLEARED }

  private final Clock clock;
  private final Duration poorFor;
  private final Map<String, State> states = new HashMap<>();

  private static final class State {
    Instant poorSince;
    boolean raised;
  }

  public SiteAlertTracker(Clock clock, Duration poorFor) {
    this.clock = clock;
    this.poorFor = poorFor;
  }

  /** Feeds the current rollup MOS of a site (key = meeting + site). */
  public Transition update(String key, double mos) {
    Instant now = clock.instant();
    State s = states.computeIfAbsent(key, k -> new State());
    if (!Grade.of(mos).belowFair()) {
      s.poorSince = null;
      if (s.raised) {
        s.raised = false;
        return Transition.CLEARED;
      }
      return Transition.NONE;
    }
    if (s.poorSince == null) {
      s.poorSince = now;
    }
    if (!s.raised && !now.isBefore(s.poorSince.plus(poorFor))) {
      s.raised = true;
      return Transition.RAISED;
    }
    return Transition.NONE;
  }

  /** The site is gone from the meeting: forget it; true when an alert was active (it is cleared by leaving). */
  public boolean forget(String key) {
    State s = states.remove(key);
    return s != null && s.raised;
  }

  public boolean active(String key) {
    State s = states.get(key);
    return s != null && s.raised;
  }

  public Instant poorSince(String key) {
    State s = states.get(key);
    return s == null ? null : s.poorSince;
  }
}
