package vn.hoinghi.orchestrator.booking;

import net.fortuna.ical4j.model.Recur;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * RFC 5545 recurrence through ical4j: expands an RRULE from the first occurrence, in the meeting's own time zone
 * (so "every Monday 08:00" stays 08:00 local). Unbounded rules are refused: every occurrence reserves capacity.
 */
final class Recurrence {
    private Recurrence() {
    }

    /** Thrown with a field-level reason when the rule cannot be used. */
    static final class Invalid extends Exception {
        final String reason;

        Invalid(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    static List<ZonedDateTime> expand(String rrule, ZonedDateTime first, Duration horizon, int maxOccurrences)
            throws Invalid {
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rrule.startsWith("RRULE:") ? rrule.substring(6) : rrule);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new Invalid("bad-rrule", e.getMessage());
        }
        if (recur.getCount() < 1 && recur.getUntil() == null) {
            throw new Invalid("unbounded-rrule", "the rule has neither COUNT nor UNTIL");
        }
        ZonedDateTime limit = first.plus(horizon);
        List<ZonedDateTime> dates = recur.getDates(first, first, limit.plusSeconds(1));
        if (dates.size() > maxOccurrences) {
            throw new Invalid("too-many-occurrences", dates.size() + " occurrences; at most " + maxOccurrences);
        }
        boolean untilTooFar = recur.getUntil() != null && instantOf(recur.getUntil(), first).isAfter(limit.toInstant());
        if (recur.getCount() > dates.size() || untilTooFar) {
            throw new Invalid("beyond-horizon", "the rule reaches past " + limit.toLocalDate());
        }
        return dates;
    }

    /** UNTIL may be a date, a floating or a UTC date-time (RFC 5545 §3.3.10). */
    private static java.time.Instant instantOf(java.time.temporal.Temporal t, ZonedDateTime first) {
        if (t instanceof java.time.LocalDate d) {
            return d.plusDays(1).atStartOfDay(first.getZone()).toInstant();
        }
        if (t instanceof java.time.LocalDateTime dt) {
            return dt.atZone(first.getZone()).toInstant();
        }
        return java.time.Instant.from(t);
    }
}
