package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.Roles;

/** The booking form's live feedback: a dry run of {@code POST /api/v1/meetings}. */
@Controller("/api/v1/meetings/check")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BookingCheckController {
    private final BookingCheck check;

    public BookingCheckController(BookingCheck check) {
        this.check = check;
    }

    /**
     * Runs the checks of a real booking on the same request body (fields, scope, room-system and host clashes,
     * capacity per region) and writes nothing. 200 with what a booking would meet now, even when it would be
     * refused; 422 problem+json when the request itself is invalid, exactly as the booking would answer.
     */
    @Post
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public BookingCheckResult check(@Body BookingRequest request, Authentication auth) {
        return check.check(Caller.of(auth), request);
    }
}
