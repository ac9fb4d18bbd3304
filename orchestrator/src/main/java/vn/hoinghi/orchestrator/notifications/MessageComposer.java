package vn.hoinghi.orchestrator.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.JoinLinkIssuer;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingCalendar;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.booking.MeetingSummary;
import vn.hoinghi.orchestrator.sites.SiteService;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a delivery's message from the meeting as it is now (a change sent late shows the latest details), with
 * the site's own join link and the meeting's .ics; or says why nothing should be sent any more.
 */
@Singleton
public class MessageComposer {
    private static final Set<MeetingStatus> UPCOMING = EnumSet.of(MeetingStatus.BOOKED, MeetingStatus.PREPARING,
            MeetingStatus.READY);
    private final MeetingStore meetings;
    private final SiteService sites;
    private final JoinLinkIssuer links;
    private final NotificationConfig config;
    private final String publicUrl;

    public MessageComposer(MeetingStore meetings, SiteService sites, JoinLinkIssuer links, NotificationConfig config,
                           @Value("${hoinghi.public-url:`http://localhost:8080`}") String publicUrl) {
        this.meetings = meetings;
        this.sites = sites;
        this.links = links;
        this.config = config;
        this.publicUrl = publicUrl;
    }

    /** A message ready to go, or {@code skip} saying why not. */
    public record Composed(String subject, String text, String shortText, String icsFileName, String ics,
                           String skip) {
        static Composed skipped(String why) {
            return new Composed(null, null, null, null, null, why);
        }
    }

    @Transactional
    public Composed compose(Delivery d) {
        Meeting m = meetings.find(d.meetingId()).orElse(null);
        if (m == null) {
            return Composed.skipped("meeting deleted");
        }
        String stale = staleness(d, m);
        if (stale != null) {
            return Composed.skipped(stale);
        }
        boolean cancelled = d.kind() == NotificationKind.CANCELLATION;
        String joinUrl = cancelled ? null : publicUrl + links.pathFor(m.id(), d.siteCode());
        var facts = new NotificationTexts.Facts(m.title(), m.agenda(), sites.get(m.hostSite()).nameVi(),
                m.start().toInstant(), m.end().toInstant(), sites.get(d.siteCode()).nameVi(), d.contactName(),
                joinUrl, d.detail(), config.getSoonReminder());
        MeetingSummary summary = new MeetingSummary(m.id(), m.title(), m.hostSite(), m.start(), m.end(), m.status(),
                m.seriesId(), m.invites().size(), m.version());
        String ics = MeetingCalendar.of(List.of(summary), m.agenda(), s -> joinUrl);
        return new Composed(NotificationTexts.subject(d.kind(), facts), NotificationTexts.body(d.kind(), facts),
                NotificationTexts.shortText(d.kind(), facts), "hoinghi-" + m.id() + ".ics", ics, null);
    }

    /** Why a message has become pointless since it was recorded, or null. */
    private static String staleness(Delivery d, Meeting m) {
        return switch (d.kind()) {
            case CANCELLATION -> null;
            case INVITATION, CHANGE -> m.status() == MeetingStatus.CANCELLED ? "meeting cancelled since"
                    : MeetingStatus.HOLDING.contains(m.status()) ? null : "meeting is over (" + m.status() + ")";
            case REMINDER_DAY, REMINDER_SOON -> !UPCOMING.contains(m.status()) ? "meeting is " + m.status()
                    : !m.start().toInstant().equals(d.startsAt()) ? "meeting moved since" : null;
        };
    }
}
