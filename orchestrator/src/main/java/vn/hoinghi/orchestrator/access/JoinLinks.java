package vn.hoinghi.orchestrator.access;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.booking.BookingConfig;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.booking.Participation;
import vn.hoinghi.orchestrator.booking.WayIn;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteService;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Stable join links, one per invited site: {@code /j/{token}}. Opening one checks the link, the meeting and its
 * window, then mints a Jitsi JWT for that site and sends the browser to Jitsi Meet with settings fitted to the
 * site's network. Revoking or rotating a link stops further mints at once.
 */
@Singleton
public class JoinLinks implements vn.hoinghi.orchestrator.booking.JoinLinkIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ClockFactory.VIETNAM);
    private final JoinLinkStore links;
    private final MeetingStore meetings;
    private final SiteService sites;
    private final BookingConfig booking;
    private final JitsiTokens tokens;
    private final MeetConfig meet;
    private final AuditLog audit;
    private final Clock clock;

    public JoinLinks(JoinLinkStore links, MeetingStore meetings, SiteService sites, BookingConfig booking,
                     JitsiTokens tokens, MeetConfig meet, AuditLog audit, Clock clock) {
        this.links = links;
        this.meetings = meetings;
        this.sites = sites;
        this.booking = booking;
        this.tokens = tokens;
        this.meet = meet;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record SiteLink(String site, String path) {
    }

    /** The active link of every invited site the caller may see (created on first request). */
    @Transactional
    public List<SiteLink> forMeeting(Caller caller, long meetingId) {
        Meeting m = meetings.find(meetingId).orElseThrow(() -> BookingService.notFound(meetingId));
        return m.invites().stream()
                .filter(i -> !caller.isUnitOperator() || withinScope(caller, i.site()))
                .map(i -> new SiteLink(i.site(), "/j/" + links.ensure(meetingId, i.site(), newToken()).token()))
                .toList();
    }

    /** The link of one site, created if missing: for calendar feeds and e-mails. */
    @Override
    @Transactional
    public String pathFor(long meetingId, String site) {
        return "/j/" + links.ensure(meetingId, site, newToken()).token();
    }

    /** Revokes the site's link and issues a new one; the old URL stops working at once. */
    @Transactional
    public SiteLink rotate(Caller caller, long meetingId, String site) {
        Meeting m = meetings.find(meetingId).orElseThrow(() -> BookingService.notFound(meetingId));
        Meeting.Invitation invite = m.invites().stream().filter(i -> i.site().equalsIgnoreCase(site)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-invited", new Text(
                        "Đơn vị " + site + " không được mời vào cuộc họp này", site + " is not invited to this meeting")));
        sites.requireScope(caller, invite.site());
        links.revoke(meetingId, invite.site());
        String path = "/j/" + links.ensure(meetingId, invite.site(), newToken()).token();
        audit.append(new AuditEvent(caller.username(), "join-link.rotate", "meeting", Long.toString(meetingId),
                Map.of("site", invite.site()), Map.of("site", invite.site(), "link", "rotated")));
        return new SiteLink(invite.site(), path);
    }

    /** Where a link leads now: Jitsi Meet with a fresh JWT, or a refusal saying why. */
    @Transactional(readOnly = true)
    public String open(String token) {
        JoinLinkStore.Link link = links.find(token).filter(l -> !l.revoked()).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "link-not-found", new Text(
                "Đường dẫn không hợp lệ hoặc đã bị thu hồi: hãy xin đường dẫn mới từ Văn phòng Bộ",
                "This link is unknown or was revoked: ask the Ministry's office for a new one")));
        Meeting m = meetings.find(link.meetingId()).orElseThrow(() -> BookingService.notFound(link.meetingId()));
        Instant opens = m.start().toInstant().minus(booking.getPrepare());
        Instant closes = m.end().toInstant().plus(booking.getGrace());
        Instant now = clock.instant();
        if (!MeetingStatus.HOLDING.contains(m.status()) || now.isAfter(closes)) {
            throw new ApiException(HttpStatus.GONE, "meeting-over", new Text(
                    "Cuộc họp «" + m.title() + "» đã kết thúc hoặc bị huỷ", "The meeting has ended or was cancelled"));
        }
        if (now.isBefore(opens)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not-open-yet", new Text(
                    "Phòng họp mở lúc " + TIME.format(opens) + " (15 phút trước giờ họp " + TIME.format(m.start())
                            + ")", "The room opens at " + opens + ", 15 minutes before the start"));
        }
        Site site = sites.get(link.siteCode());
        String room = RoomNames.of(m.id());
        String jwt = tokens.mint(room, new JitsiTokens.Unit(site.code(), site.nameVi(), site.contact().email(),
                joinsAsVisitor(m, site.code())), opens, closes);
        return meet.getBaseUrl() + "/" + room + "#jwt=" + jwt + NetworkTuning.fragment(site.network());
    }

    /**
     * A viewer's browser is sent to a visitor node (DESIGN.md §4: the main room holds the interactive sites only).
     * A room-system invitation is left as it was: Jibri dials the system into the main room whatever its
     * participation (a SIP gateway never asks for a visitor node), and the site's link keeps to the same room.
     */
    static boolean joinsAsVisitor(Meeting m, String siteCode) {
        return m.invites().stream().filter(i -> i.site().equalsIgnoreCase(siteCode)).findFirst()
                .map(i -> Participation.VIEWER.name().equals(i.participation())
                        && !WayIn.ROOM_SYSTEM.name().equals(i.wayIn()))
                .orElse(false);
    }

    private boolean withinScope(Caller caller, String site) {
        try {
            sites.requireScope(caller, site);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private static String newToken() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
