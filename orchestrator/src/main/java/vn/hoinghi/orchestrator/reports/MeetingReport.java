package vn.hoinghi.orchestrator.reports;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A meeting's report: its facts, where they come from (the sealed record, or read live before sealing) and the
 * headline counts a secretariat reads first.
 */
@Serdeable
public record MeetingReport(MeetingFacts facts, Long recordId, int expected, int joined, int late, int dialled,
                            int dialFailed, int measured, int poorQuality) {

    public static MeetingReport of(MeetingFacts f, Long recordId) {
        int joined = 0, late = 0, dialled = 0, dialFailed = 0, measured = 0, poor = 0;
        for (MeetingFacts.SiteFacts s : f.sites()) {
            joined += "MISSING".equals(s.attendance()) ? 0 : 1;
            late += s.lateMinutes() > 0 ? 1 : 0;
            var dials = s.dials() == null ? java.util.List.<MeetingFacts.Dial>of() : s.dials();
            if (!dials.isEmpty()) {
                dialled++;
                dialFailed += dials.stream().noneMatch(d -> "CONNECTED".equals(d.outcome())
                        || "HUNG_UP".equals(d.outcome())) ? 1 : 0;
            }
            measured += s.quality() == null ? 0 : 1;
            poor += QualitySummary.poor(s.quality()) ? 1 : 0;
        }
        return new MeetingReport(f, recordId, f.sites().size(), joined, late, dialled, dialFailed, measured, poor);
    }
}
