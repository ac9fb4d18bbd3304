package vn.hoinghi.orchestrator.records;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.reports.SealedFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Reports read what was sealed: the facts of a meeting's latest record (its newest correction, if any). */
@Singleton
public class RecordFacts implements SealedFacts {
    private final RecordStore store;
    private final JsonMapper json;

    public RecordFacts(RecordStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Sealed> latest(long meetingId) {
        List<StoredRecord> all = store.ofMeeting(meetingId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        StoredRecord last = all.get(all.size() - 1);
        try {
            return Optional.of(new Sealed(last.id(), json.readValue(last.content(), RecordContent.class).facts()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
