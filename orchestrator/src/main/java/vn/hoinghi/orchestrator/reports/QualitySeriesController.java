package vn.hoinghi.orchestrator.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.provisioning.Lifecycle;
import vn.hoinghi.orchestrator.provisioning.RoomNames;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Quality over time of one meeting, per site and for the whole meeting, from the collector's stored series
 * ({@code GET {collector}/api/v1/meetings/{room}/series}) over the meeting's window, from the room's opening
 * (15 minutes before the start) to its end or now. For the charts of the operators' wall and the report page.
 */
@Controller("/api/v1/meetings/{id}/quality/series")
@ExecuteOn(TaskExecutors.BLOCKING)
public class QualitySeriesController {
    private static final Duration OPENS_BEFORE = Duration.ofMinutes(15);
    private final Lifecycle meetings;
    private final CollectorClient collector;
    private final JsonMapper json;
    private final Clock clock;

    public QualitySeriesController(Lifecycle meetings, CollectorClient collector, JsonMapper json, Clock clock) {
        this.meetings = meetings;
        this.collector = collector;
        this.json = json;
        this.clock = clock;
    }

    /** {@code step}: seconds per point, 10 to 3600 (default 60). */
    @Get
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.SECRETARIAT, Roles.OBSERVER})
    public QualitySeries series(@PathVariable long id, @Nullable @QueryValue Integer step) {
        int s = step == null ? 60 : step;
        if (s < 10 || s > 3600) {
            Text t = new Text("Bước thời gian phải từ 10 đến 3600 giây.", "step must be 10 to 3600 seconds.");
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-step", t,
                    List.of(Problem.FieldError.of("step", "out-of-range", t)));
        }
        Meeting m = find(id);
        Instant from = m.start().toInstant().minus(OPENS_BEFORE);
        Instant end = m.end().toInstant();
        Instant to = clock.instant().isBefore(end) ? clock.instant() : end;
        if (!to.isAfter(from)) {
            return QualitySeries.of(s, from.toString(), from.toString(), List.of());
        }
        if (!collector.configured()) {
            throw CollectorFeed.unavailable("not configured");
        }
        var req = collector.request("/api/v1/meetings/" + CollectorClient.enc(RoomNames.of(id)) + "/series?step=" + s
                + "&from=" + from + "&to=" + to, "application/json", true);
        try {
            HttpResponse<byte[]> resp = collector.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                throw CollectorFeed.unavailable("series HTTP " + resp.statusCode());
            }
            List<QualitySeries.Bucket> buckets = json.readValue(resp.body(),
                    Argument.listOf(QualitySeries.Bucket.class));
            return QualitySeries.of(s, from.toString(), to.toString(), buckets);
        } catch (IOException e) {
            throw CollectorFeed.unavailable("series " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorFeed.unavailable("interrupted");
        }
    }

    private Meeting find(long id) {
        return meetings.meeting(id).orElseThrow(() -> BookingService.notFound(id));
    }
}
