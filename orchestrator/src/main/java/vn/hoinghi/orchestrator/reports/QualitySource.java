package vn.hoinghi.orchestrator.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Per-site, per-minute quality of a meeting's room, from wherever telemetry is kept (the collector). */
public interface QualitySource {

    /** One minute of one site: mean MOS, receive loss, RTT and jitter over that minute's 10 s windows. */
    record Sample(String site, Instant at, double mos, double lossPct, double rttMs, double jitterMs, Double recvKbps) {
    }

    /**
     * Either the samples by site code (upper case) or the reason there are none, which is written into the record
     * as it is: an auditor must be able to tell "no telemetry" from "good quality".
     */
    record Result(Map<String, List<Sample>> bySite, String status) {
        public static final String COLLECTED = "COLLECTED";
    }

    Result minutes(String room, Instant from, Instant to);
}
