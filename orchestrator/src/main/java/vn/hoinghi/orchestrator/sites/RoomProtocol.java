package vn.hoinghi.orchestrator.sites;

/** Signalling of a meeting-room system the bridge dials. */
public enum RoomProtocol {
    SIP, H323
}
