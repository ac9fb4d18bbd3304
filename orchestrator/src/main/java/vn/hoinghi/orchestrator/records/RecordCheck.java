package vn.hoinghi.orchestrator.records;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The outcome of verifying one record: valid only if every check passed; each failed check says what and why. */
@Serdeable
public record RecordCheck(long id, boolean valid, String sha256, String previousHash, String signer,
                          Long supersededBy, List<String> problems, List<String> notes) {
}
