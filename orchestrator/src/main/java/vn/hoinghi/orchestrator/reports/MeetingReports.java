package vn.hoinghi.orchestrator.reports;

import jakarta.inject.Singleton;

import java.util.Optional;

/** A meeting's report from its sealed record when there is one, else read live (a meeting still running). */
@Singleton
public class MeetingReports {
    private final SealedFacts sealed;
    private final FactsCollector live;

    public MeetingReports(SealedFacts sealed, FactsCollector live) {
        this.sealed = sealed;
        this.live = live;
    }

    public Optional<MeetingReport> of(long meetingId) {
        Optional<SealedFacts.Sealed> s = sealed.latest(meetingId);
        if (s.isPresent()) {
            return Optional.of(MeetingReport.of(s.get().facts(), s.get().recordId()));
        }
        return live.collect(meetingId).map(f -> MeetingReport.of(f, null));
    }
}
