package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem.FieldError;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;
import vn.hoinghi.orchestrator.sites.Region;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteKind;
import vn.hoinghi.orchestrator.sites.SiteStore;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a booking request and resolves it against the directory: times in the meeting's zone, recurrence
 * expanded, invitation rules turned into sites, room systems found. Reports every problem at once.
 */
@Singleton
public class BookingPlanner {
    private final SiteStore sites;
    private final BookingConfig config;
    private final Clock clock;

    public BookingPlanner(SiteStore sites, BookingConfig config, Clock clock) {
        this.sites = sites;
        this.config = config;
        this.clock = clock;
    }

    public BookingPlan plan(BookingRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String title = r.title() == null ? "" : r.title().strip();
        if (title.isEmpty() || title.length() > 300) {
            errors.add(FieldError.of("title", "bad-title", BookingErrors.TITLE_LENGTH));
        }
        ZoneId zone = zone(r.timeZone(), errors);
        ZonedDateTime start = time(r.start(), "start", zone, errors);
        ZonedDateTime end = time(r.end(), "end", zone, errors);
        List<BookingPlan.Occurrence> occurrences = List.of();
        if (start != null && end != null) {
            occurrences = occurrences(r, start, end, errors);
        }
        Site host = null;
        if (r.hostSite() == null || r.hostSite().isBlank()) {
            errors.add(FieldError.of("hostSite", "required", BookingErrors.REQUIRED));
        } else {
            host = sites.find(r.hostSite().strip()).orElse(null);
            if (host == null) {
                errors.add(FieldError.of("hostSite", "unknown-site", BookingErrors.UNKNOWN_SITE));
            }
        }
        List<BookingPlan.ResolvedInvite> invites = invites(r, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new BookingPlan(title, r.agenda(), host, occurrences, invites, r.rrule(),
                r.exdates() == null ? null : String.join(",", r.exdates()));
    }

    private List<BookingPlan.Occurrence> occurrences(BookingRequest r, ZonedDateTime start, ZonedDateTime end,
                                                     List<FieldError> errors) {
        Duration length = Duration.between(start, end);
        if (length.isNegative() || length.isZero()) {
            errors.add(FieldError.of("end", "end-before-start", BookingErrors.END_BEFORE_START));
            return List.of();
        }
        if (length.compareTo(config.getMaxDuration()) > 0) {
            errors.add(FieldError.of("end", "too-long", BookingErrors.TOO_LONG));
        }
        if (!start.toInstant().isAfter(clock.instant())) {
            errors.add(FieldError.of("start", "in-the-past", BookingErrors.IN_THE_PAST));
        }
        List<ZonedDateTime> starts = List.of(start);
        if (r.rrule() != null && !r.rrule().isBlank()) {
            try {
                starts = Recurrence.expand(r.rrule().strip(), start, config.getHorizon(), config.getMaxOccurrences());
            } catch (Recurrence.Invalid e) {
                errors.add(new FieldError(null, "rrule", e.reason, rruleText(e.reason).vi() + ": " + e.getMessage(),
                        rruleText(e.reason).en() + ": " + e.getMessage()));
                return List.of();
            }
        }
        Set<java.time.LocalDate> skipped = r.exdates() == null ? Set.of() : r.exdates().stream()
                .map(d -> parseDate(d, errors)).filter(d -> d != null).collect(Collectors.toSet());
        return starts.stream()
                .filter(s -> !skipped.contains(s.toLocalDate()))
                .map(s -> new BookingPlan.Occurrence(s.toInstant(), s.plus(length).toInstant()))
                .toList();
    }

    private static Text rruleText(String reason) {
        return switch (reason) {
            case "unbounded-rrule" -> BookingErrors.UNBOUNDED_RRULE;
            case "too-many-occurrences" -> BookingErrors.TOO_MANY_OCCURRENCES;
            case "beyond-horizon" -> BookingErrors.BEYOND_HORIZON;
            default -> BookingErrors.BAD_RRULE;
        };
    }

    private List<BookingPlan.ResolvedInvite> invites(BookingRequest r, List<FieldError> errors) {
        Map<String, BookingPlan.ResolvedInvite> byCode = new LinkedHashMap<>();
        List<BookingRequest.Invite> explicit = r.invites() == null ? List.of() : r.invites();
        if (explicit.size() > config.getMaxInvites()) {
            errors.add(FieldError.of("invites", "too-many-invites", new Text(
                    BookingErrors.TOO_MANY_INVITES.vi() + " (" + explicit.size() + " > " + config.getMaxInvites() + ")",
                    BookingErrors.TOO_MANY_INVITES.en() + " (" + explicit.size() + " > " + config.getMaxInvites() + ")")));
            return List.of();
        }
        Map<String, Site> found = new LinkedHashMap<>();
        sites.findAll(explicit.stream().map(i -> i.site() == null ? "" : i.site().strip()).toList())
                .forEach(s -> found.put(s.code().toUpperCase(Locale.ROOT), s));
        for (int i = 0; i < explicit.size(); i++) {
            BookingRequest.Invite in = explicit.get(i);
            String at = "invites[" + i + "]";
            Site site = in.site() == null ? null : found.get(in.site().strip().toUpperCase(Locale.ROOT));
            if (site == null) {
                errors.add(FieldError.of(at + ".site", "unknown-site", BookingErrors.UNKNOWN_SITE));
                continue;
            }
            resolve(site, in.participation(), in.wayIn(), in.roomSystem(), at, errors)
                    .ifPresent(ri -> byCode.put(site.code().toUpperCase(Locale.ROOT), ri));
        }
        List<BookingRequest.InviteRule> rules = r.inviteRules() == null ? List.of() : r.inviteRules();
        for (int i = 0; i < rules.size(); i++) {
            BookingRequest.InviteRule rule = rules.get(i);
            String at = "inviteRules[" + i + "]";
            Region region = parse(Region.class, rule.region(), at + ".region", errors);
            List<SiteKind> kinds = rule.kinds() == null ? List.of() : rule.kinds().stream()
                    .map(k -> parse(SiteKind.class, k, at + ".kinds", errors)).toList();
            if (rule.subtreeOf() != null && sites.find(rule.subtreeOf()).isEmpty()) {
                errors.add(FieldError.of(at + ".subtreeOf", "unknown-site", BookingErrors.UNKNOWN_SITE));
                continue;
            }
            for (Site site : sites.matching(region, kinds, rule.subtreeOf())) {
                // An explicit invitation says more than a rule: it wins.
                if (!byCode.containsKey(site.code().toUpperCase(Locale.ROOT))) {
                    resolve(site, rule.participation(), rule.wayIn(), null, at, errors)
                            .ifPresent(ri -> byCode.put(site.code().toUpperCase(Locale.ROOT), ri));
                }
            }
        }
        if (byCode.size() > config.getMaxInvites()) {
            errors.add(FieldError.of("inviteRules", "too-many-invites", BookingErrors.TOO_MANY_INVITES));
        } else if (byCode.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("invites", "no-invites", BookingErrors.NO_INVITES));
        }
        return List.copyOf(byCode.values());
    }

    private java.util.Optional<BookingPlan.ResolvedInvite> resolve(Site site, String participation, String wayIn,
                                                                   String roomAddress, String at,
                                                                   List<FieldError> errors) {
        Participation p = participation == null ? Participation.INTERACTIVE
                : parse(Participation.class, participation, at + ".participation", errors);
        WayIn w = wayIn == null ? (site.roomSystems().isEmpty() ? WayIn.BROWSER : WayIn.ROOM_SYSTEM)
                : parse(WayIn.class, wayIn, at + ".wayIn", errors);
        Site.RoomSystem room = null;
        if (w == WayIn.ROOM_SYSTEM) {
            room = site.roomSystems().stream()
                    .filter(rs -> roomAddress == null || rs.address().equalsIgnoreCase(roomAddress.strip()))
                    .findFirst().orElse(null);
            if (room == null) {
                errors.add(FieldError.of(at + ".roomSystem", "no-room-system", BookingErrors.NO_ROOM_SYSTEM));
                return java.util.Optional.empty();
            }
        }
        if (p == null || w == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new BookingPlan.ResolvedInvite(site, p, w, room));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "unknown-value", BookingErrors.UNKNOWN_VALUE));
            return null;
        }
    }

    private static ZoneId zone(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return ClockFactory.VIETNAM;
        }
        try {
            return ZoneId.of(raw.strip());
        } catch (DateTimeException e) {
            errors.add(FieldError.of("timeZone", "unknown-time-zone", BookingErrors.UNKNOWN_ZONE));
            return ClockFactory.VIETNAM;
        }
    }

    /** A wall-clock time in the meeting's zone, or an instant with its own offset. */
    private static ZonedDateTime time(String raw, String field, ZoneId zone, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(FieldError.of(field, "required", BookingErrors.REQUIRED));
            return null;
        }
        try {
            return LocalDateTime.parse(raw.strip()).atZone(zone);
        } catch (DateTimeException notLocal) {
            try {
                return OffsetDateTime.parse(raw.strip()).atZoneSameInstant(zone);
            } catch (DateTimeException e) {
                errors.add(FieldError.of(field, "bad-time", BookingErrors.BAD_TIME));
                return null;
            }
        }
    }

    private static java.time.LocalDate parseDate(String raw, List<FieldError> errors) {
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (DateTimeException | NullPointerException e) {
            errors.add(FieldError.of("exdates", "bad-time", BookingErrors.BAD_TIME));
            return null;
        }
    }

    static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-booking", new Text(
                "Không đặt được lịch: " + errors.size() + " lỗi, chưa có gì được ghi",
                "The booking is invalid: " + errors.size() + " error(s); nothing was written"), errors);
    }

}
