package vn.hoinghi.collector.jvb;

/** UP: last poll answered; DEGRADED: failing but not yet for lost-after-failures polls; LOST: silent that long. */
public enum BridgeStatus { UP, DEGRADED, LOST }
