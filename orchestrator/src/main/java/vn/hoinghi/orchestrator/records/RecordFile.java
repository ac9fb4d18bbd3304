package vn.hoinghi.orchestrator.records;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Base64;

/**
 * A record as the API shows it and as it is exported: {@code content} is the canonical JSON as a string (the exact
 * signed bytes, so no re-serialisation can change them), {@code signature} the base64 of the DER CMS. Verify it
 * offline with {@link VerifyRecordCli} and the signer's certificate.
 */
@Serdeable
public record RecordFile(String format, long id, long meetingId, Long supersedes, String sealedAt, String sha256,
                         String previousHash, String content, String signature, String certificate) {
    public static final String FORMAT = "hoinghi.sealed-record/1";

    public static RecordFile of(StoredRecord r) {
        return new RecordFile(FORMAT, r.id(), r.meetingId(), r.supersedesId(), r.sealedAt().toString(), r.sha256(),
                r.previousHash(), r.content(), Base64.getEncoder().encodeToString(r.signature()), r.certificate());
    }

    public StoredRecord toStored() {
        return new StoredRecord(id, meetingId, supersedes, java.time.Instant.parse(sealedAt), content, sha256,
                previousHash, Base64.getDecoder().decode(signature), certificate);
    }
}
