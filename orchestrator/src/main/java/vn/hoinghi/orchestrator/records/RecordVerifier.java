package vn.hoinghi.orchestrator.records;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.crypto.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a stored record: its content is canonical, hashes to its sha256, is signed by the certificate stored with
 * it AND by the orchestrator's current one (so a row re-signed with some other key is caught), and links to the
 * record before it and from the record after it.
 */
@Singleton
public class RecordVerifier {
    private final RecordStore store;
    private final SigningKey key;

    public RecordVerifier(RecordStore store, SigningKey key) {
        this.store = store;
        this.key = key;
    }

    @Transactional(readOnly = true)
    public Optional<RecordCheck> verify(long id) {
        return store.find(id).map(r -> {
            List<String> problems = new ArrayList<>(integrity(r, key.certificate()));
            List<String> notes = new ArrayList<>();
            Optional<StoredRecord> before = store.before(id);
            if (before.isPresent()) {
                if (!before.get().sha256().equals(r.previousHash())) {
                    problems.add("chain: previous hash does not match record " + before.get().id());
                } else if (!Sha256.hex(before.get().content()).equals(r.previousHash())) {
                    problems.add("chain: record " + before.get().id() + " was changed after this one was sealed");
                }
            } else if (!StoredRecord.GENESIS.equals(r.previousHash())) {
                notes.add("the record before this one is no longer stored (retention purge or deletion): "
                        + "its hash was " + r.previousHash());
            }
            store.after(id).ifPresent(next -> {
                if (!next.previousHash().equals(Sha256.hex(r.content()))) {
                    problems.add("chain: record " + next.id() + " does not link to this one");
                }
            });
            Long supersededBy = store.ofMeeting(r.meetingId()).stream()
                    .filter(x -> Long.valueOf(id).equals(x.supersedesId())).map(StoredRecord::id)
                    .findFirst().orElse(null);
            if (supersededBy != null) {
                notes.add("superseded by the correction " + supersededBy);
            }
            return new RecordCheck(id, problems.isEmpty(), r.sha256(), r.previousHash(),
                    key.certificate().getSubjectX500Principal().getName(), supersededBy, problems, notes);
        });
    }

    /** The checks that need nothing but the record and a certificate (the offline CLI makes the same ones). */
    public static List<String> integrity(StoredRecord r, X509Certificate trusted) {
        List<String> problems = new ArrayList<>();
        String canonical;
        try {
            canonical = Canonical.of(r.content());
            if (!canonical.equals(r.content())) {
                problems.add("content: not in RFC 8785 canonical form (edited by hand?)");
            }
        } catch (IllegalArgumentException e) {
            problems.add("content: not JSON");
        }
        String hash = Sha256.hex(r.content());
        if (!hash.equals(r.sha256())) {
            problems.add("hash: content hashes to " + hash + ", the record says " + r.sha256());
        }
        byte[] bytes = r.content().getBytes(StandardCharsets.UTF_8);
        String why = Cms.verify(bytes, r.signature(), trusted);
        if (why != null) {
            problems.add("signature: " + why);
        }
        if (!r.content().contains("\"previousHash\":\"" + r.previousHash() + "\"")) {
            problems.add("chain: the signed content names another previous hash than the row");
        }
        return problems;
    }
}
