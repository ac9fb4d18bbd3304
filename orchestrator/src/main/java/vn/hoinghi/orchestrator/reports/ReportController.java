package vn.hoinghi.orchestrator.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Reports: one meeting (JSON, CSV, PDF) and units over months (JSON, CSV); a unit operator sees its subtree. */
@Controller("/api/v1/reports")
public class ReportController {
    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");
    private static final Set<String> REGIONS = Set.of("NORTH", "CENTRAL", "SOUTH");
    private final MeetingReports meetings;
    private final UnitReports units;
    private final ReportFont font;
    private final ReportScope scope;
    private final Clock clock;

    public ReportController(MeetingReports meetings, UnitReports units, ReportFont font, ReportScope scope,
                            Clock clock) {
        this.scope = scope;
        this.meetings = meetings;
        this.units = units;
        this.font = font;
        this.clock = clock;
    }

    @Get("/meetings/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER, Roles.UNIT_OPERATOR})
    public MeetingReport meeting(@PathVariable long id, Authentication auth) {
        ReportScope.Scope seen = scope.of(Caller.of(auth));
        return seen.meeting(meetings.of(id).orElseThrow(() -> BookingService.notFound(id)));
    }

    @Get("/meetings/{id}/csv")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER, Roles.UNIT_OPERATOR})
    public HttpResponse<byte[]> meetingCsv(@PathVariable long id, Authentication auth) {
        return file(MeetingCsv.write(meeting(id, auth)).getBytes(StandardCharsets.UTF_8), CSV, "bao-cao-hop-" + id + ".csv");
    }

    @Get("/meetings/{id}/pdf")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER, Roles.UNIT_OPERATOR})
    public HttpResponse<byte[]> meetingPdf(@PathVariable long id, Authentication auth) {
        MeetingReport r = meeting(id, auth);
        if (font.font() == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "no-report-font", new Text(
                    "Máy chủ không có phông chữ Unicode cho tiếng Việt: cài fonts-noto-core hoặc đặt hoinghi.reports.font",
                    "No Unicode font for Vietnamese on the server: install fonts-noto-core or set hoinghi.reports.font"));
        }
        return file(MeetingPdf.render(r, font.font()), MediaType.of("application/pdf"), "bao-cao-hop-" + id + ".pdf");
    }

    /** {@code from}/{@code to}: months YYYY-MM, both included (default: the last 12 months up to this one). */
    @Get("/units{?from,to,region,subtreeOf}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER, Roles.UNIT_OPERATOR})
    public UnitReport units(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                            @Nullable @QueryValue String region, @Nullable @QueryValue String subtreeOf,
                            Authentication auth) {
        UnitQuery q = query(from, to, region, subtreeOf);
        return units.build(new UnitQuery(q.from(), q.to(), q.region(), scope.of(Caller.of(auth)).subtree(q.subtreeOf())));
    }

    @Get("/units/csv{?from,to,region,subtreeOf}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER, Roles.UNIT_OPERATOR})
    public HttpResponse<byte[]> unitsCsv(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                         @Nullable @QueryValue String region, @Nullable @QueryValue String subtreeOf,
                                         Authentication auth) {
        UnitReport r = units(from, to, region, subtreeOf, auth);
        return file(UnitCsv.write(r).getBytes(StandardCharsets.UTF_8), CSV, "bao-cao-don-vi-" + r.from() + "-"
                + r.to() + ".csv");
    }

    UnitQuery query(String from, String to, String region, String subtreeOf) {
        YearMonth last = to == null || to.isBlank() ? YearMonth.now(clock.withZone(ReportStore.ZONE))
                : month("to", to);
        YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw bad("from", "after-to", "Tháng bắt đầu sau tháng kết thúc", "from is after to");
        }
        if (first.plusMonths(60).isBefore(last)) {
            throw bad("from", "too-long", "Tối đa 5 năm trong một báo cáo", "At most 5 years per report");
        }
        String r = region == null || region.isBlank() ? null : region.toUpperCase(java.util.Locale.ROOT);
        if (r != null && !REGIONS.contains(r)) {
            throw bad("region", "unknown-region", "Miền phải là NORTH, CENTRAL hoặc SOUTH",
                    "region must be NORTH, CENTRAL or SOUTH");
        }
        return new UnitQuery(first.atDay(1), last.plusMonths(1).atDay(1), r,
                subtreeOf == null || subtreeOf.isBlank() ? null : subtreeOf.strip());
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw bad(field, "bad-month", "Tháng phải có dạng YYYY-MM", "Month must be YYYY-MM");
        }
    }

    private static ApiException bad(String field, String reason, String vi, String en) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-report-query", new Text(vi, en),
                List.of(new Problem.FieldError(null, field, reason, vi, en)));
    }

    private static HttpResponse<byte[]> file(byte[] body, MediaType type, String name) {
        return HttpResponse.ok(body).contentType(type).header("Content-Disposition", "attachment; filename=\"" + name
                + "\"");
    }

}
