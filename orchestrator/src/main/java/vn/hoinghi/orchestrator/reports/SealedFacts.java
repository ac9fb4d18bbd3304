package vn.hoinghi.orchestrator.reports;

import java.util.Optional;

/**
 * The facts of a meeting's latest sealed record (a correction beats the original). Implemented by package
 * {@code records}; reports only depend on this, so the two packages do not depend on each other both ways.
 */
public interface SealedFacts {
    record Sealed(long recordId, MeetingFacts facts) {
    }

    Optional<Sealed> latest(long meetingId);
}
