package vn.hoinghi.collector.rtcstats;

/**
 * When a session's failed site lookup may be tried again: 1 s after the first failure, doubling to at most 30 s,
 * and no more than {@value #MAX_RETRIES} retries, so an orchestrator that is down costs each participant a handful
 * of requests, not one per stats frame. Guarded by the session's monitor.
 */
final class LookupBackoff {

  static final int MAX_RETRIES = 8;
  private static final long FIRST_MILLIS = 1_000;
  private static final long MAX_MILLIS = 30_000;

  private int failures;
  private long dueAtMillis = Long.MAX_VALUE; // nothing to retry
  private boolean inFlight;

  /** True (and marks the lookup in flight) when a retry is due now. Cheap: called on every stats entry. */
  boolean claimRetry(long nowMillis) {
    if (inFlight || nowMillis < dueAtMillis) {
      return false;
    }
    inFlight = true;
    return true;
  }

  /** A lookup of a new (meeting, endpoint): its failures start a fresh backoff. */
  void started() {
    inFlight = true;
    failures = 0;
    dueAtMillis = Long.MAX_VALUE;
  }

  void succeeded() {
    inFlight = false;
    failures = 0;
    dueAtMillis = Long.MAX_VALUE;
  }

  /** Records a failure; false when the retries are used up (the session stays "unknown"). */
  boolean failed(long nowMillis) {
    inFlight = false;
    failures++;
    if (failures > MAX_RETRIES) {
      dueAtMillis = Long.MAX_VALUE;
      return false;
    }
    dueAtMillis = nowMillis + Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(failures - 1, 16));
    return true;
  }
}
