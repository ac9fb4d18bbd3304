package vn.hoinghi.orchestrator.booking;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.media.admission.AdmissionDecision;
import vn.hoinghi.media.admission.Shortfall;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem.FieldError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The dry run of a booking: the same planner, scope rule, clash query and admission ({@link BookingService#tryAdmit})
 * as {@link BookingService#book}, in a read-only transaction that takes no ledger lock and writes nothing. The answer
 * may be stale a moment later; the real booking checks again under its locks.
 */
@Singleton
public class BookingCheck {
    private final BookingPlanner planner;
    private final BookingService booking;
    private final MeetingStore meetings;
    private final LedgerStore ledger;
    private final MeetingCapacity capacity;
    private final Offered offered;

    public BookingCheck(BookingPlanner planner, BookingService booking, MeetingStore meetings, LedgerStore ledger,
                        MeetingCapacity capacity, Offered offered) {
        this.planner = planner;
        this.booking = booking;
        this.meetings = meetings;
        this.ledger = ledger;
        this.capacity = capacity;
        this.offered = offered;
    }

    @Transactional(readOnly = true)
    public BookingCheckResult check(Caller caller, BookingRequest request) {
        BookingPlan plan = planner.plan(request);
        booking.requireScope(caller, plan);
        List<BookingCheckResult.OccurrenceCheck> out = new ArrayList<>();
        for (BookingPlan.Occurrence o : plan.occurrences()) {
            List<String> raw = meetings.clashes(plan, o, null);
            List<FieldError> clashes = raw.isEmpty() ? List.of() : BookingService.clashProblem(raw, o).errors();
            BookingService.Outcome outcome = booking.tryAdmit(plan, o, null);
            // Regions as admission left them: after viewers moved to a neighbour when that made it fit.
            BookingPlan shown = outcome.admitted() == null ? plan : outcome.admitted().plan();
            List<BookingCheckResult.RegionCheck> regions = regions(shown, o);
            out.add(new BookingCheckResult.OccurrenceCheck(utc(o.start()), utc(o.end()),
                    clashes.isEmpty() && outcome.admitted() != null, clashes, regions));
        }
        boolean bookable = out.stream().allMatch(BookingCheckResult.OccurrenceCheck::bookable);
        return new BookingCheckResult(bookable, plan.invites().size(), out);
    }

    private List<BookingCheckResult.RegionCheck> regions(BookingPlan plan, BookingPlan.Occurrence o) {
        List<BookingCheckResult.RegionCheck> out = new ArrayList<>();
        for (MeetingCapacity.RegionDemand d : capacity.demand(BookingService.shape(plan), o.start(), o.end())) {
            AdmissionDecision decision = capacity.admit(d, offered.of(d.region()),
                    ledger.overlapping(d.region(), d.from(), d.to(), null), "check");
            if (decision instanceof AdmissionDecision.DoesNotFit refusal) {
                ApiException problem = CapacityRefusal.of(refusal);
                out.add(new BookingCheckResult.RegionCheck(d.region(), utc(d.from()), utc(d.to()), false,
                        bridgesShort(refusal), problem.text().vi(), problem.text().en(), problem.errors()));
            } else {
                out.add(new BookingCheckResult.RegionCheck(d.region(), utc(d.from()), utc(d.to()), true, 0,
                        "Đủ năng lực " + CapacityRefusal.regionVi(d.region()) + " "
                                + CapacityRefusal.window(d.from(), d.to()),
                        "Fits in " + d.region() + " " + CapacityRefusal.window(d.from(), d.to()), List.of()));
            }
        }
        return out;
    }

    private long bridgesShort(AdmissionDecision.DoesNotFit refusal) {
        long perBridge = Math.max(1, capacity.model().plannedPpsPerBridge());
        return refusal.shortfalls().stream().filter(s -> s.resource() == Load.Resource.PPS)
                .mapToLong(Shortfall::amount).map(a -> (a + perBridge - 1) / perBridge).max().orElse(0);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
