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
            event.add(new Location("Hội nghị truyền hình, chủ trì: " + m.hostSite()));
            if (agendaOrNull != null) {
                event.add(new Description(agendaOrNull));
            }
            event.add(m.status() == MeetingStatus.CANCELLED ? new Status(Status.VALUE_CANCELLED)
                    : new Status(Status.VALUE_CONFIRMED));
            cal.add(event);
        }
        return cal.toString();
    }

}
