package vn.hoinghi.collector.rtcstats;

import java.util.HashMap;
import java.util.Map;
import vn.hoinghi.collector.attribution.Site;
import vn.hoinghi.collector.quality.ParticipantQuality;

/**
 * Everything known about one statsSessionId: merged identity, per peer connection decompression state, the quality
 * window and the last sequence number, which outlives a connection for a reconnect. All access to the mutable state
 * is under the session's monitor, because a reconnect may land on another event loop.
 */
public final class RtcstatsSession implements PeerConnections {

  private final String id;
  private final Identity identity;
  private final Map<String, PeerConnectionStats> pcs = new HashMap<>();
  private final ParticipantQuality quality;
  private final ReportFilter filter;
  private final int maxPeerConnections;
  private final int maxReports;
  private long lastSeq;
  private volatile Site site = Site.UNKNOWN;
  private String attributedKey;
  private final LookupBackoff lookups = new LookupBackoff();

  public RtcstatsSession(String id, Identity identity, ParticipantQuality quality, ReportFilter filter,
                         int maxPeerConnections, int maxReports) {
    this.id = id;
    this.identity = identity;
    this.quality = quality;
    this.filter = filter;
    this.maxPeerConnections = maxPeerConnections;
    this.maxReports = maxReports;
  }

  public String id() {
    return id;
  }

  @Override
  public PeerConnectionStats stateOf(String pcId) {
    PeerConnectionStats pc = pcs.get(pcId);
    if (pc == null) {
      if (pcs.size() >= maxPeerConnections) {
        throw new ProtocolException(CloseReason.TOO_MANY_PEER_CONNECTIONS, "peer connection " + pcId);
      }
      // An unknown pcId is normal after a reconnect (its "create" was before the replayed entries): start empty.
      pc = new PeerConnectionStats(filter, maxReports);
      pcs.put(pcId, pc);
    }
    return pc;
  }

  @Override
  public void closed(String pcId) {
    pcs.remove(pcId);
  }

  PeerConnectionStats peek(String pcId) {
    return pcs.get(pcId);
  }

  int peerConnectionCount() {
    return pcs.size();
  }

  Identity identity() {
    return identity;
  }

  ParticipantQuality quality() {
    return quality;
  }

  /** The meeting this session named in its identity, or null. */
  public synchronized String meetingOrNull() {
    return identity.meeting();
  }

  /** The endpoint id from the identity, else the session id (what the live state is keyed by). */
  public synchronized String endpointOrId() {
    String endpoint = identity.endpointId();
    return endpoint == null ? id : endpoint;
  }

  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** A session rebuilt from storage: entries up to {@code seq} are already stored and will not be replayed. */
  public synchronized void resumeAt(long seq) {
    lastSeq = Math.max(lastSeq, seq);
  }

  /** Records a sequence number; false when it was already seen (a replay the client should not have sent). */
  synchronized boolean advance(long seq) {
    if (seq <= lastSeq) {
      return false;
    }
    lastSeq = seq;
    return true;
  }

  public Site site() {
    return site;
  }

  void site(Site site) {
    this.site = site;
  }

  LookupBackoff lookups() {
    return lookups;
  }

  /** The attribution key when it changed since the last lookup, else null. */
  String attributionKeyToLookUp() {
    String meeting = identity.meeting();
    String endpoint = identity.endpointId();
    if (meeting == null || endpoint == null) {
      return null;
    }
    String key = meeting + "/" + endpoint;
    if (key.equals(attributedKey)) {
      return null;
    }
    attributedKey = key;
    return key;
  }
}
