package vn.hoinghi.collector.rtcstats;

/** Where a stats-entry finds the state of its peer connection; bounded by the session. */
public interface PeerConnections {

  /** The state of this peer connection, created on first use; throws when the session has too many. */
  PeerConnectionStats stateOf(String pcId);

  void closed(String pcId);
}
