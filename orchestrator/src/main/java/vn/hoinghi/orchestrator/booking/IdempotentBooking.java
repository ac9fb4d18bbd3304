package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.crypto.Sha256;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Booking behind an {@code Idempotency-Key}: the key is claimed inside the booking transaction, so a refused
 * booking releases it (rollback) and a concurrent duplicate waits and then replays the stored answer.
 */
@Singleton
public class IdempotentBooking {
    private final BookingService booking;
    private final IdempotencyStore keys;
    private final JsonMapper json;

    public IdempotentBooking(BookingService booking, IdempotencyStore keys, JsonMapper json) {
        this.booking = booking;
        this.keys = keys;
        this.json = json;
    }

    @Transactional
    public IdempotencyStore.Stored book(Caller caller, BookingRequest request, String key) {
        String hash = hash(request);
        if (key != null) {
            if (key.isBlank() || key.length() > 200) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "bad-idempotency-key", new Text(
                        "Idempotency-Key dài 1–200 ký tự", "Idempotency-Key must be 1–200 characters"));
            }
            if (!keys.claim(caller.username(), key, hash)) {
                IdempotencyStore.Stored earlier = keys.find(caller.username(), key).orElseThrow();
                if (!earlier.requestHash().equals(hash)) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", new Text(
                            "Idempotency-Key này đã dùng cho một yêu cầu khác",
                            "This Idempotency-Key was already used for a different request"));
                }
                return earlier;
            }
        }
        String body = write(booking.book(caller, request));
        if (key != null) {
            keys.complete(caller.username(), key, HttpStatus.CREATED.getCode(), body);
        }
        return new IdempotencyStore.Stored(hash, HttpStatus.CREATED.getCode(), body);
    }

    private String hash(BookingRequest request) {
        return Sha256.hex(write(request));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
