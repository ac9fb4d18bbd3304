package vn.hoinghi.orchestrator.reports;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What happened in one meeting, per invited site: the content of its sealed record and the source of its report.
 * Times are ISO-8601 UTC strings and numbers are rounded, so the canonical JSON of the same facts is always the same.
 */
@Serdeable
public record MeetingFacts(
        String kind,
        int version,
        long meetingId,
        String title,
        String hostSite,
        String start,
        String end,
        String status,
        /** "COLLECTED", or why there is none ("collector-unreachable: …", "collector-not-configured"). */
        String telemetry,
        List<SiteFacts> sites) {

    public static final String KIND = "hoinghi.meeting-facts";

    @Serdeable
    public record SiteFacts(
            String site,
            String name,
            String region,
            String participation,
            String wayIn,
            /** PRESENT, LATE, LEFT, MISSING as the roll-call saw it at the end. */
            String attendance,
            String firstJoined,
            String lastLeft,
            int lateMinutes,
            long presentSeconds,
            List<Dial> dials,
            /** Null when the collector had nothing for this site. */
            Quality quality) {
    }

    /** One dial attempt, each kept (a failed video call before a successful audio one is part of the story). */
    @Serdeable
    public record Dial(String method, String target, int attempt, String startedAt, String outcome, String error) {
    }

    /** A site's call quality from the collector's per-minute series. */
    @Serdeable
    public record Quality(
            int minutes,
            double mosMean,
            double mosMin,
            /** Minutes per grade: good ≥ 4.0, fair ≥ 3.6, poor ≥ 3.1, bad below (the collector's grades). */
            int good,
            int fair,
            int poor,
            int bad,
            List<Minute> worstMinutes,
            double lossPct,
            double rttMs,
            double jitterMs,
            /** Null when the collector's series carries no bitrate. */
            Double recvKbps) {
    }

    @Serdeable
    public record Minute(String at, double mos, double lossPct, double rttMs) {
    }
}
