package vn.hoinghi.orchestrator.records;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.util.List;

/** Read-only access to records, each in its own transaction. */
@Singleton
public class RecordReader {
    private final RecordStore store;

    public RecordReader(RecordStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public StoredRecord find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public List<StoredRecord> ofMeeting(long meetingId) {
        return store.ofMeeting(meetingId);
    }

    static ApiException notFound(long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "record-not-found",
                new Text("Không có biên bản số " + id, "No record with id " + id));
    }
}
