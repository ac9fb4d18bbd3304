package vn.hoinghi.orchestrator.records;

import io.micronaut.serde.annotation.Serdeable;
import vn.hoinghi.orchestrator.reports.MeetingFacts;

/**
 * The signed body of a record. {@code previousHash} is inside it, so the chain link is covered by the signature;
 * a correction names the record it supersedes and why.
 */
@Serdeable
public record RecordContent(String kind, int version, long meetingId, String sealedAt, String previousHash,
                            Long supersedes, String correction, MeetingFacts facts) {
    public static final String KIND = "hoinghi.meeting-record";
}
