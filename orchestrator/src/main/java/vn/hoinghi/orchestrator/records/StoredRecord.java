package vn.hoinghi.orchestrator.records;

import java.time.Instant;

/** A meeting_record row as stored: {@code content} is exactly the signed bytes (UTF-8). */
public record StoredRecord(long id, long meetingId, Long supersedesId, Instant sealedAt, String content,
                           String sha256, String previousHash, byte[] signature, String certificate) {
    /** The previous hash of the first record ever sealed. */
    public static final String GENESIS = "0".repeat(64);
}
