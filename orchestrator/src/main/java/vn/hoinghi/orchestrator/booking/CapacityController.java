package vn.hoinghi.orchestrator.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** How much of each region's fleet is reserved at its busiest moment in a window: for planners and operators. */
@Controller("/api/v1/capacity")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CapacityController {
    private final CapacityHeadroom headroom;
    private final Clock clock;

    public CapacityController(CapacityHeadroom headroom, Clock clock) {
        this.headroom = headroom;
        this.clock = clock;
    }

    /** {@code overCommitted} is true only if reservations exceed the fleet, which admission must never allow. */
    @Serdeable
    public record RegionUsage(String region, Amounts offered, Amounts peakReserved, int reservations,
                              boolean overCommitted, String explanation) {
    }

    /** The capacity model's {@link Load}, as JSON (the model itself stays free of serialisation concerns). */
    @Serdeable
    public record Amounts(long pps, long visitorSlots, long videoGateways, long audioCalls) {
        static Amounts of(Load l) {
            return l == null ? null : new Amounts(l.pps(), l.visitorSlots(), l.videoGateways(), l.audioCalls());
        }
    }

    @Get
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public List<RegionUsage> usage(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Instant start = from == null ? clock.instant() : parse(from, "from");
        Instant end = to == null ? start.plus(Duration.ofDays(30)) : parse(to, "to");
        if (!end.isAfter(start) || end.isBefore(clock.instant())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-window", new Text(
                    "Khoảng thời gian phải kết thúc sau khi bắt đầu và sau hiện tại",
                    "The window must end after it starts and after now"));
        }
        List<RegionUsage> out = new ArrayList<>();
        for (CapacityHeadroom.Usage u : headroom.between(start, end)) {
            out.add(new RegionUsage(u.region().name(), Amounts.of(u.offered()), Amounts.of(u.peak()), u.reservations(),
                    u.peak() == null, u.explanation()));
        }
        return out;
    }

    private static Instant parse(String raw, String field) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-query", new Text(
                    field + " phải là thời điểm ISO 8601 có múi giờ", field + " must be an ISO 8601 instant"));
        }
    }
}
