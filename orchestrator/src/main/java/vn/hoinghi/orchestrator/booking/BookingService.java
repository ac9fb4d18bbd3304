package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.media.admission.AdmissionDecision;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.sites.SiteService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Books meetings: checks the plan, locks the ledgers of the regions it touches, admits every occurrence against
 * the capacity model, and writes meetings, invitations, room holds, reservations, lifecycle rows, outbox and
 * audit in one transaction. Anything refused leaves nothing behind.
 */
@Singleton
public class BookingService {
    private final BookingPlanner planner;
    private final MeetingStore meetings;
    private final LedgerStore ledger;
    private final MeetingCapacity capacity;
    private final Offered offered;
    private final SiteService sites;
    private final AuditLog audit;
    private final JsonMapper json;

    public BookingService(BookingPlanner planner, MeetingStore meetings, LedgerStore ledger, MeetingCapacity capacity,
                          Offered offered, SiteService sites, AuditLog audit, JsonMapper json) {
        this.planner = planner;
        this.meetings = meetings;
        this.ledger = ledger;
        this.capacity = capacity;
        this.offered = offered;
        this.sites = sites;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public Booking book(Caller caller, BookingRequest request) {
        BookingPlan plan = planner.plan(request);
        requireScope(caller, plan);
        ledger.lock(regionsOf(plan));
        Long seriesId = plan.occurrences().size() > 1 || plan.rrule() != null
                ? meetings.insertSeries(plan.rrule(), plan.exdates(), caller.username()) : null;
        List<Long> ids = new ArrayList<>();
        for (BookingPlan.Occurrence o : plan.occurrences()) {
            refuseClashes(plan, o, null);
            Admitted admitted = admit(plan, o, null);
            long id = insert(admitted.plan(), o, seriesId, caller);
            ledger.insert(id, admitted.demand());
            meetings.transition(id, MeetingStatus.DRAFT, MeetingStatus.BOOKED, caller.username(), "booked");
            ids.add(id);
        }
        Meeting first = meetings.find(ids.get(0)).orElseThrow();
        List<AuditEvent> events = new ArrayList<>();
        for (long id : ids) {
            meetings.outbox("meeting.booked", id, toJson(Map.of("meetingId", id, "title", plan.title())));
            events.add(new AuditEvent(caller.username(), "meeting.book", "meeting", Long.toString(id), null,
                    Map.of("title", plan.title(), "host", plan.host().code(), "invites", plan.invites().size(),
                            "seriesId", seriesId == null ? "" : seriesId.toString())));
        }
        audit.appendAll(events);
        return new Booking(seriesId, first, meetings.summaries(ids));
    }

    /**
     * Edits one occurrence, it and the following ones, or the whole series. The request describes the edited
     * occurrence; the others get the same details and the same shift in time, and each is re-admitted.
     */
    @Transactional
    public Meeting edit(Caller caller, long id, Integer ifMatch, SeriesScope scope, BookingRequest request) {
        Meeting before = meetings.lock(id).orElseThrow(() -> notFound(id));
        checkVersion(before, ifMatch);
        requireEditable(before);
        BookingRequest single = new BookingRequest(request.title(), request.agenda(), request.hostSite(),
                request.start(), request.end(), request.timeZone(), null, null, request.invites(), request.inviteRules());
        BookingPlan plan = planner.plan(single);
        requireScope(caller, plan);
        ledger.lock(regionsOf(plan));
        BookingPlan.Occurrence edited = plan.occurrences().get(0);
        java.time.Duration shift = java.time.Duration.between(before.start().toInstant(), edited.start());
        java.time.Duration length = java.time.Duration.between(edited.start(), edited.end());
        List<Long> targets = before.seriesId() == null || scope == SeriesScope.ONE ? List.of(id)
                : meetings.seriesMembers(before.seriesId(), scope == SeriesScope.FOLLOWING
                ? before.start().toInstant() : null);
        for (long t : targets) {
            Meeting old = t == id ? before : meetings.lock(t).orElseThrow();
            if (t != id && !isEditable(old)) {
                continue;
            }
            java.time.Instant start = old.start().toInstant().plus(shift);
            BookingPlan.Occurrence o = new BookingPlan.Occurrence(start, start.plus(length));
            refuseClashes(plan, o, t);
            Admitted admitted = admit(plan, o, t);
            try {
                meetings.replace(t, admitted.plan(), o);
            } catch (BookingClash clash) {
                throw clashProblem(List.of(clash.getMessage() + ":?"), o);
            }
            ledger.deleteFor(t);
            ledger.insert(t, admitted.demand());
            meetings.outbox("meeting.changed", t, toJson(Map.of("meetingId", t, "title", plan.title())));
            audit.append(new AuditEvent(caller.username(), "meeting.edit", "meeting", Long.toString(t),
                    brief(old), brief(meetings.find(t).orElseThrow())));
        }
        return meetings.find(id).orElseThrow();
    }

    private static boolean isEditable(Meeting m) {
        return MeetingStatus.HOLDING.contains(m.status()) && m.status() != MeetingStatus.LIVE;
    }

    private static void requireEditable(Meeting m) {
        if (!isEditable(m)) {
            throw new ApiException(HttpStatus.CONFLICT, "not-editable", new Text(
                    "Không sửa được cuộc họp ở trạng thái " + m.status(),
                    "A meeting in status " + m.status() + " cannot be edited"));
        }
    }

    /** Cancels one occurrence, it and those after it in its series, or the whole series. */
    @Transactional
    public List<Long> cancel(Caller caller, long id, Integer ifMatch, SeriesScope scope, String reason) {
        Meeting m = meetings.lock(id).orElseThrow(() -> notFound(id));
        checkVersion(m, ifMatch);
        requireHostScope(caller, m.hostSite());
        List<Long> targets = m.seriesId() == null || scope == SeriesScope.ONE ? List.of(id)
                : meetings.seriesMembers(m.seriesId(), scope == SeriesScope.FOLLOWING ? m.start().toInstant() : null);
        List<Long> cancelled = new ArrayList<>();
        for (long t : targets) {
            Meeting target = meetings.find(t).orElseThrow();
            if (target.status().canMoveTo(MeetingStatus.CANCELLED)
                    && meetings.updateStatus(t, target.status(), MeetingStatus.CANCELLED, caller.username(), reason)) {
                meetings.outbox("meeting.cancelled", t, toJson(Map.of("meetingId", t, "reason",
                        reason == null ? "" : reason)));
                audit.append(new AuditEvent(caller.username(), "meeting.cancel", "meeting", Long.toString(t),
                        Map.of("status", target.status().name()), Map.of("status", "CANCELLED")));
                cancelled.add(t);
            }
        }
        if (cancelled.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "not-cancellable", new Text(
                    "Cuộc họp ở trạng thái " + m.status() + " không huỷ được",
                    "A meeting in status " + m.status() + " cannot be cancelled"));
        }
        return cancelled;
    }

    /** Which occurrences of a series a change applies to (RFC 5545 THISANDFUTURE for FOLLOWING). */
    public enum SeriesScope { ONE, FOLLOWING, ALL }

    private long insert(BookingPlan plan, BookingPlan.Occurrence o, Long seriesId, Caller caller) {
        try {
            return meetings.insert(plan, o, seriesId, caller.username());
        } catch (BookingClash clash) {
            // A concurrent booker took the room system or the host between our check and our insert.
            throw clashProblem(List.of(clash.getMessage() + ":?"), o);
        }
    }

    /** The plan as admitted (viewers possibly moved to a neighbour region) and what it reserves per region. */
    record Admitted(BookingPlan plan, List<MeetingCapacity.RegionDemand> demand) {
    }

    /** Admission's answer for one occurrence: admitted (viewers possibly moved), or the home region's refusal. */
    record Outcome(Admitted admitted, AdmissionDecision.DoesNotFit refusal) {
    }

    private Admitted admit(BookingPlan plan, BookingPlan.Occurrence o, Long except) {
        Outcome outcome = tryAdmit(plan, o, except);
        if (outcome.admitted() == null) {
            throw CapacityRefusal.of(outcome.refusal());
        }
        return outcome.admitted();
    }

    /**
     * Admits the occurrence. When a region is full, its viewers that reach the media servers over the internet are
     * offered to a neighbour region (DESIGN §4); only if that fails too is the booking refused, naming the
     * shortfall of the home region. Writes nothing: the dry run ({@link BookingCheck}) asks the same question.
     */
    Outcome tryAdmit(BookingPlan plan, BookingPlan.Occurrence o, Long except) {
        BookingPlan current = plan;
        AdmissionDecision.DoesNotFit firstRefusal = null;
        java.util.Set<String> tried = new java.util.HashSet<>();
        while (true) {
            List<MeetingCapacity.RegionDemand> demand = capacity.demand(shape(current), o.start(), o.end());
            AdmissionDecision.DoesNotFit refusal = null;
            for (MeetingCapacity.RegionDemand d : demand) {
                AdmissionDecision decision = capacity.admit(d, offered.of(d.region()),
                        ledger.overlapping(d.region(), d.from(), d.to(), except), "new");
                if (decision instanceof AdmissionDecision.DoesNotFit r) {
                    refusal = r;
                    break;
                }
            }
            if (refusal == null) {
                return new Outcome(new Admitted(current,
                        current == plan ? demand : ViewerPlacement.explain(demand, plan, current)), null);
            }
            firstRefusal = firstRefusal == null ? refusal : firstRefusal;
            BookingPlan moved = ViewerPlacement.moveViewers(current, refusal.region(), tried);
            if (moved == null) {
                return new Outcome(null, firstRefusal);
            }
            current = moved;
        }
    }

    private void refuseClashes(BookingPlan plan, BookingPlan.Occurrence o, Long except) {
        List<String> clashes = meetings.clashes(plan, o, except);
        if (!clashes.isEmpty()) {
            throw clashProblem(clashes, o);
        }
    }

    static ApiException clashProblem(List<String> clashes, BookingPlan.Occurrence o) {
        String window = CapacityRefusal.window(o.start(), o.end());
        List<vn.hoinghi.orchestrator.platform.errors.Problem.FieldError> errors = clashes.stream().map(c -> {
            boolean room = c.startsWith("room:");
            String what = c.substring(c.indexOf(':') + 1);
            return new vn.hoinghi.orchestrator.platform.errors.Problem.FieldError(null,
                    room ? "invites.roomSystem" : "hostSite", room ? "room-system-busy" : "host-busy",
                    (room ? "Thiết bị phòng họp " : "Đơn vị chủ trì ") + what + " đã bận trong khoảng " + window,
                    (room ? "Room system " : "Host site ") + what + " is already booked during " + window);
        }).toList();
        return new ApiException(HttpStatus.CONFLICT, "booking-clash", new Text(
                "Trùng lịch trong khoảng " + window + ": " + clashes.size() + " xung đột",
                "Clash during " + window + ": " + clashes.size() + " conflict(s)"), errors);
    }

    static MeetingCapacity.Shape shape(BookingPlan plan) {
        Map<String, Integer> byRegion = new java.util.LinkedHashMap<>();
        int sip = 0;
        int audio = 0;
        int minDownlink = Integer.MAX_VALUE;
        for (BookingPlan.ResolvedInvite i : plan.invites()) {
            byRegion.merge(i.servingRegion(), 1, Integer::sum);
            if (i.wayIn() == WayIn.ROOM_SYSTEM) {
                sip++;
            } else if (i.wayIn() == WayIn.AUDIO) {
                audio++;
            }
            minDownlink = Math.min(minDownlink, i.site().network().downlinkKbps());
        }
        // The stage layer follows the weakest invited link: 180p below 2 Mbps, 360p below 4 Mbps, else 720p.
        int stage = minDownlink < 2048 ? 180 : minDownlink < 4096 ? 360 : 720;
        return new MeetingCapacity.Shape(plan.title(), plan.host().region().name(), byRegion, sip, audio, stage);
    }

    private static TreeSet<String> regionsOf(BookingPlan plan) {
        TreeSet<String> regions = new TreeSet<>();
        regions.add(plan.host().region().name());
        plan.invites().forEach(i -> regions.add(i.site().region().name()));
        // A full region may hand its internet viewers to a neighbour: lock those too, up front and in order.
        new TreeSet<>(regions).forEach(r -> regions.addAll(ViewerPlacement.neighbours(r)));
        return regions;
    }

    /** A unit operator books only meetings hosted in, and inviting only, its own subtree. */
    void requireScope(Caller caller, BookingPlan plan) {
        if (caller.isUnitOperator()) {
            sites.requireScope(caller, plan.host().code());
            plan.invites().forEach(i -> sites.requireScope(caller, i.site().code()));
        }
    }

    private void requireHostScope(Caller caller, String host) {
        if (caller.isUnitOperator()) {
            sites.requireScope(caller, host);
        }
    }

    private static void checkVersion(Meeting m, Integer ifMatch) {
        if (ifMatch != null && ifMatch != m.version()) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", new Text(
                    "Cuộc họp đã được người khác sửa (phiên bản " + m.version() + "): hãy tải lại",
                    "The meeting was changed by someone else (version " + m.version() + "): reload it"));
        }
    }

    public static ApiException notFound(long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "meeting-not-found", new Text(
                "Không có cuộc họp số " + id, "No meeting with id " + id));
    }

    private static Map<String, Object> brief(Meeting m) {
        return Map.of("title", m.title(), "start", m.start().toString(), "end", m.end().toString(),
                "invites", m.invites().size());
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
