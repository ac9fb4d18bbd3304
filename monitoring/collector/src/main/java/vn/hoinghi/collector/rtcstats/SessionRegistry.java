package vn.hoinghi.collector.rtcstats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Sessions by statsSessionId: the live ones, and closed ones remembered for a while so that a reconnect
 * ({@code isReconnect=true}) is answered with the last sequence number seen and keeps its decompression state.
 * Bounded: past the limit a closed session is forgotten at once (its reconnect then replays the client's buffer).
 */
public final class SessionRegistry {

  private final Map<String, RtcstatsSession> active = new ConcurrentHashMap<>();
  private final Map<String, Parked> parked = new ConcurrentHashMap<>();
  private final Map<String, Object> owners = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration memory;
  private final int maxParked;

  private record Parked(RtcstatsSession session, Instant until) {}

  /** The outcome of attaching a connection: its session, and the owner it took the session from (to close), if any. */
  public record Attached(RtcstatsSession session, Object previousOwner, boolean resumed) {}

  public SessionRegistry(Clock clock, Duration memory, int maxParked) {
    this.clock = clock;
    this.memory = memory;
    this.maxParked = maxParked;
  }

  /** True when the session is live or remembered for a reconnect. */
  public synchronized boolean remembers(String id) {
    return active.containsKey(id) || parked.containsKey(id);
  }

  /** Attaches {@code owner} (a connection) to a session, resuming a remembered one when it reconnects. */
  public synchronized Attached attach(String id, boolean reconnect, Object owner,
                                      Function<String, RtcstatsSession> create) {
    Parked p = parked.remove(id);
    RtcstatsSession live = active.get(id);
    Object previous = owners.get(id);
    RtcstatsSession session;
    boolean resumed;
    if (reconnect && live != null) {
      session = live;
      resumed = true;
    } else if (reconnect && p != null) {
      session = p.session();
      resumed = true;
    } else {
      session = create.apply(id);
      resumed = false;
    }
    active.put(id, session);
    owners.put(id, owner);
    return new Attached(session, previous, resumed);
  }

  /** A connection ended; the session is remembered unless the client said it left or another connection owns it. */
  public synchronized void detach(String id, Object owner, boolean left, BiConsumer<RtcstatsSession, Boolean> gone) {
    if (owners.get(id) != owner) {
      return; // superseded: the newer connection owns the session now
    }
    owners.remove(id);
    RtcstatsSession session = active.remove(id);
    if (session == null) {
      return;
    }
    if (!left && parked.size() < maxParked && !memory.isZero()) {
      parked.put(id, new Parked(session, clock.instant().plus(memory)));
    } else {
      gone.accept(session, left);
    }
  }

  /** Forgets remembered sessions past their time; each is reported as gone. */
  public synchronized int expire(BiConsumer<RtcstatsSession, Boolean> gone) {
    Instant now = clock.instant();
    int before = parked.size();
    parked.values().removeIf(p -> {
      if (p.until().isAfter(now)) {
        return false;
      }
      gone.accept(p.session(), false);
      return true;
    });
    return before - parked.size();
  }

  public int activeCount() {
    return active.size();
  }

  public int parkedCount() {
    return parked.size();
  }
}
