package vn.hoinghi.orchestrator.reports;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.attendance.AttendanceStore;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.provisioning.DialStore;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a meeting's rows (invitations, roll-call, dial attempts, site names) into {@link MeetingFacts}. */
@Singleton
public class FactsAssembler {
    private final MeetingStore meetings;
    private final RollCall rollCall;
    private final AttendanceStore attendance;
    private final DialStore dials;
    private final SiteStore sites;
    private final Duration lateAfter;

    public FactsAssembler(MeetingStore meetings, RollCall rollCall, AttendanceStore attendance, DialStore dials,
                          SiteStore sites, @Value("${hoinghi.attendance.late-after:5m}") Duration lateAfter) {
        this.lateAfter = lateAfter;
        this.meetings = meetings;
        this.rollCall = rollCall;
        this.attendance = attendance;
        this.dials = dials;
        this.sites = sites;
    }

    @Transactional(readOnly = true)
    public Optional<Meeting> meeting(long id) {
        return meetings.find(id);
    }

    @Transactional(readOnly = true)
    public MeetingFacts assemble(Meeting m, QualitySource.Result quality) {
        Instant start = m.start().toInstant();
        Instant end = m.end().toInstant();
        Map<String, RollCall.SiteAttendance> roll = new HashMap<>();
        rollCall.of(m.id()).orElse(List.of()).forEach(a -> roll.put(key(a.site()), a));
        Map<String, List<AttendanceStore.Event>> events = new HashMap<>();
        for (AttendanceStore.Event e : attendance.forMeeting(m.id())) {
            if (e.siteCode() != null) {
                events.computeIfAbsent(key(e.siteCode()), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, List<MeetingFacts.Dial>> dialled = new HashMap<>();
        for (DialStore.Attempt a : dials.forMeeting(m.id())) {
            dialled.computeIfAbsent(key(a.siteCode()), k -> new ArrayList<>()).add(new MeetingFacts.Dial(
                    a.method().name(), a.target(), a.attemptNo(), a.startedAt().toString(),
                    a.outcome() == null ? "UNKNOWN" : a.outcome(), a.error()));
        }
        Map<String, Site> names = new HashMap<>();
        sites.findAll(m.invites().stream().map(Meeting.Invitation::site).toList())
                .forEach(s -> names.put(key(s.code()), s));
        List<MeetingFacts.SiteFacts> out = new ArrayList<>();
        for (Meeting.Invitation i : m.invites()) {
            String k = key(i.site());
            RollCall.SiteAttendance a = roll.get(k);
            Site site = names.get(k);
            Instant first = a == null ? null : a.firstJoined();
            // Late as the roll-call counts it (first join after start + late-after), even for a unit that left.
            int late = first != null && first.isAfter(start.plus(lateAfter))
                    ? (int) Duration.between(start, first).toMinutes() : 0;
            // The directory's spelling of the code: report aggregates compare codes as plain text.
            out.add(new MeetingFacts.SiteFacts(site == null ? i.site() : site.code(),
                    site == null ? i.site() : site.nameVi(),
                    site == null ? i.region() : site.region().name(), i.participation(), i.wayIn(),
                    a == null ? "MISSING" : a.state().name(), text(first), text(a == null ? null : a.lastLeft()),
                    late, Presence.seconds(events.getOrDefault(k, List.of()), start, end),
                    dialled.getOrDefault(k, List.of()),
                    QualitySummary.of(quality.bySite().get(k))));
        }
        return new MeetingFacts(MeetingFacts.KIND, 1, m.id(), m.title(), m.hostSite(), start.toString(),
                end.toString(), m.status().name(), quality.status(), out);
    }

    private static String key(String site) {
        return site.toUpperCase(Locale.ROOT);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
