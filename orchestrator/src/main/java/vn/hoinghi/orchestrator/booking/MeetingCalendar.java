package vn.hoinghi.orchestrator.booking;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

import java.time.Instant;
import java.util.List;

/** iCalendar (RFC 5545) for meetings, so unit staff see them in any calendar program. Times are UTC instants. */
public final class MeetingCalendar {
    private MeetingCalendar() {
    }

    public static String of(List<MeetingSummary> meetings, String agendaOrNull) {
        return of(meetings, agendaOrNull, m -> null);
    }

    /** With {@code joinUrl} giving each meeting's join link for the feed's site (or null). */
    public static String of(List<MeetingSummary> meetings, String agendaOrNull,
                            java.util.function.Function<MeetingSummary, String> joinUrl) {
        Calendar cal = new Calendar()
                .withProdId("-//HoiNghi//Bo Tu phap//VI")
                .withDefaults()
                .getFluentTarget();
        cal.add(ImmutableMethod.PUBLISH);
        for (MeetingSummary m : meetings) {
            Instant start = m.start().toInstant();
            Instant end = m.end().toInstant();
            VEvent event = new VEvent(start, end, m.title());
            event.add(new Uid("meeting-" + m.id() + "@hoinghi"));
            // RFC 5545 §3.8.7.4: a calendar replaces its copy of the event only for a higher SEQUENCE, so an edited
            // meeting's .ics (e-mailed or fed) updates the entry instead of being ignored.
            event.add(new net.fortuna.ical4j.model.property.Sequence(m.version()));
            event.add(new Location("Hội nghị truyền hình, chủ trì: " + m.hostSite()));
            String url = joinUrl.apply(m);
            if (url != null) {
                event.add(new net.fortuna.ical4j.model.property.Url(java.net.URI.create(url)));
            }
            String description = ((agendaOrNull == null ? "" : agendaOrNull + "\n\n")
                    + (url == null ? "" : "Tham gia / Join: " + url)).strip();
            if (!description.isEmpty()) {
                event.add(new Description(description));
            }
            event.add(m.status() == MeetingStatus.CANCELLED ? new Status(Status.VALUE_CANCELLED)
                    : new Status(Status.VALUE_CONFIRMED));
            cal.add(event);
        }
        return cal.toString();
    }

}
