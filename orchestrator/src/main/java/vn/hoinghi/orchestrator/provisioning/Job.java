package vn.hoinghi.orchestrator.provisioning;

import java.time.Instant;

/** A claimed job: {@code attempts} counts claims, this one included. */
public record Job(long id, JobKind kind, Long meetingId, String siteCode, String dedupeKey, Instant runAt,
                  int attempts) {
}
