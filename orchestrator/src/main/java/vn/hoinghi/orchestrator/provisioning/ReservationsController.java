package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.hoinghi.orchestrator.access.MeetConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The API Prosody's {@code mod_reservations} calls before it lets a conference room be created (DESIGN.md §3):
 * only rooms of booked meetings, inside their window, exist. Authenticated by the shared secret Prosody sends in
 * {@code reservations_api_headers}; answers fast (Prosody times out after 20 s and retries 5xx).
 */
@Controller("/reservations/conference")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class ReservationsController {
    private final Reservations reservations;
    private final MeetConfig meet;

    public ReservationsController(Reservations reservations, MeetConfig meet) {
        this.reservations = reservations;
        this.meet = meet;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> create(@Body Map<String, String> form,
                                                    @Nullable @Header(HttpHeaders.AUTHORIZATION) String auth) {
        if (!authorised(auth)) {
            return refuse(HttpStatus.UNAUTHORIZED, "HoiNghi: yêu cầu không xác thực / unauthenticated request");
        }
        return answer(reservations.reserve(form.get("name"), form.get("mail_owner")));
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> get(@PathVariable String id,
                                                 @Nullable @Header(HttpHeaders.AUTHORIZATION) String auth) {
        if (!authorised(auth)) {
            return refuse(HttpStatus.UNAUTHORIZED, "HoiNghi: yêu cầu không xác thực / unauthenticated request");
        }
        return answer(reservations.byId(id));
    }

    /** Prosody destroyed the room (empty, or past start + duration). Nothing to undo: acknowledged. */
    @Delete(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> delete(@PathVariable String id,
                                                    @Nullable @Header(HttpHeaders.AUTHORIZATION) String auth) {
        if (!authorised(auth)) {
            return refuse(HttpStatus.UNAUTHORIZED, "HoiNghi: yêu cầu không xác thực / unauthenticated request");
        }
        return HttpResponse.ok(Map.of("id", id));
    }

    private static HttpResponse<Map<String, Object>> answer(Reservations.Answer a) {
        return a.ok() ? HttpResponse.ok(a.body()) : refuse(a.status(), a.message());
    }

    /** Prosody shows {@code message} to the user whose join was refused. */
    private static HttpResponse<Map<String, Object>> refuse(HttpStatus status, String message) {
        return HttpResponse.<Map<String, Object>>status(status).body(Map.of("message", message));
    }

    private boolean authorised(String header) {
        String secret = meet.getReservationsSecret();
        if (secret == null || secret.isBlank() || header == null) {
            return false;
        }
        // Constant-time: the comparison must not reveal how much of a guess was right.
        return MessageDigest.isEqual(("Bearer " + secret).getBytes(StandardCharsets.UTF_8),
                header.strip().getBytes(StandardCharsets.UTF_8));
    }
}
