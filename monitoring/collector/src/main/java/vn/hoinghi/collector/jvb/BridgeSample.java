package vn.hoinghi.collector.jvb;

import java.time.Instant;

/** One poll of a bridge's {@code /colibri/stats} (DESIGN §3 names), or its failure (status LOST/DEGRADED). */
public record BridgeSample(Instant at, String bridge, String region, BridgeStatus status, double stressLevel,
                           int conferences, int participants, double bitRateDownloadKbps, double bitRateUploadKbps,
                           double packetRateDownload, double packetRateUpload, double rttAggregateMs,
                           boolean draining, boolean shuttingDown, String version) {}
