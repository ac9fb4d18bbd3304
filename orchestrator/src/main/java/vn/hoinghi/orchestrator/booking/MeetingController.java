package vn.hoinghi.orchestrator.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.platform.web.ETags;
import vn.hoinghi.orchestrator.sites.Page;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Meetings: book (with Idempotency-Key), list with filters, read, edit (If-Match), cancel, iCalendar. */
@Controller("/api/v1/meetings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MeetingController {
    private final BookingService booking;
    private final IdempotentBooking idempotent;
    private final MeetingStore meetings;

    public MeetingController(BookingService booking, IdempotentBooking idempotent, MeetingStore meetings) {
        this.booking = booking;
        this.idempotent = idempotent;
        this.meetings = meetings;
    }

    /**
     * Books a meeting (or a recurring series). Send an {@code Idempotency-Key} so that a retried request after a
     * network failure returns the first booking instead of making a second one.
     */
    @Post
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public HttpResponse<String> book(@Body BookingRequest request, Authentication auth,
                                     @Nullable @Header("Idempotency-Key") String key) {
        IdempotencyStore.Stored answer = idempotent.book(Caller.of(auth), request, key);
        return HttpResponse.<String>status(HttpStatus.valueOf(answer.status())).body(answer.response())
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE);
    }

    @Get
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public Page<MeetingSummary> list(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                     @Nullable @QueryValue String site, @Nullable @QueryValue String region,
                                     @Nullable @QueryValue MeetingStatus status, @Nullable @QueryValue Integer page,
                                     @Nullable @QueryValue Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || s < 1 || s > 500) {
            throw badQuery(p < 0 ? "page" : "size", "ngoài khoảng cho phép (size 1–500)", "out of range (size 1–500)");
        }
        var filter = new MeetingStore.Filter(instant(from, "from"), instant(to, "to"), site,
                region == null ? null : region.toUpperCase(java.util.Locale.ROOT), status, p, s);
        return new Page<>(meetings.list(filter), p, s, meetings.count(filter));
    }

    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public HttpResponse<Meeting> get(@PathVariable long id) {
        Meeting m = meetings.find(id).orElseThrow(() -> BookingService.notFound(id));
        return withEtag(HttpResponse.ok(), m);
    }

    /** The meeting as an iCalendar file (text/calendar), for Outlook, Thunderbird or a phone. */
    @Get(value = "/{id}/calendar.ics", produces = "text/calendar")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public HttpResponse<String> calendar(@PathVariable long id) {
        Meeting m = meetings.find(id).orElseThrow(() -> BookingService.notFound(id));
        MeetingSummary s = new MeetingSummary(m.id(), m.title(), m.hostSite(), m.start(), m.end(), m.status(),
                m.seriesId(), m.invites().size(), m.version());
        return HttpResponse.ok(MeetingCalendar.of(List.of(s), m.agenda()))
                .contentType("text/calendar;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"hoinghi-" + id + ".ics\"");
    }

    /**
     * Replaces this occurrence ({@code scope=ONE}, default), this and the following ones, or the whole series;
     * the others take the same details and the same shift in time. Send the ETag you read as {@code If-Match}.
     */
    @Put("/{id}")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public HttpResponse<Meeting> edit(@PathVariable long id, @Body BookingRequest request,
                                      @Nullable @QueryValue BookingService.SeriesScope scope,
                                      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        Meeting m = booking.edit(Caller.of(auth), id, ETags.version(ifMatch),
                scope == null ? BookingService.SeriesScope.ONE : scope, request);
        return withEtag(HttpResponse.ok(), m);
    }

    /** Cancels this occurrence ({@code scope=ONE}, default), this and the following ones, or the whole series. */
    @Post("/{id}/cancel")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public List<Long> cancel(@PathVariable long id, @Nullable @QueryValue BookingService.SeriesScope scope,
                             @Nullable @QueryValue String reason,
                             @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        return booking.cancel(Caller.of(auth), id, ETags.version(ifMatch),
                scope == null ? BookingService.SeriesScope.ONE : scope, reason);
    }

    private static MutableHttpResponse<Meeting> withEtag(MutableHttpResponse<?> r, Meeting m) {
        return r.body(m).header(HttpHeaders.ETAG, ETags.of(m.version()));
    }

    private static Instant instant(String raw, String field) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(raw).atStartOfDay(
                        vn.hoinghi.orchestrator.platform.time.ClockFactory.VIETNAM).toInstant();
            } catch (DateTimeParseException e2) {
                throw badQuery(field, "phải là ngày (2026-12-01) hoặc thời điểm ISO 8601",
                        "must be a date (2026-12-01) or an ISO 8601 instant");
            }
        }
    }

    private static ApiException badQuery(String field, String vi, String en) {
        Text t = new Text(vi, en);
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-query", t,
                List.of(Problem.FieldError.of(field, "bad-query", t)));
    }
}
