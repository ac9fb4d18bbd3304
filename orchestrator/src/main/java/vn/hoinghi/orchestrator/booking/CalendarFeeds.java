package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.crypto.Sha256;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteService;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A site's calendar feed: {@code /feeds/{token}.ics} lists its meetings (hosted or invited) from a week ago to
 * a year ahead. The token is 256 random bits, shown once when issued; a new one revokes the old one.
 */
@Singleton
public class CalendarFeeds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final FeedStore feeds;
    private final MeetingStore meetings;
    private final SiteService sites;
    private final AuditLog audit;
    private final Clock clock;
    private final JoinLinkIssuer links;
    private final String publicUrl;

    public CalendarFeeds(FeedStore feeds, MeetingStore meetings, SiteService sites, AuditLog audit, Clock clock,
                         JoinLinkIssuer links,
                         @io.micronaut.context.annotation.Value("${hoinghi.public-url:`http://localhost:8080`}")
                         String publicUrl) {
        this.links = links;
        this.publicUrl = publicUrl;
        this.feeds = feeds;
        this.meetings = meetings;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a new token for the site (revoking any earlier one) and returns it; only its hash is stored. */
    @Transactional
    public String issue(Caller caller, String siteCode) {
        Site site = sites.get(siteCode);
        sites.requireScope(caller, site.code());
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        feeds.put(site.code(), hash(token), caller.username());
        audit.append(new AuditEvent(caller.username(), "feed.issue", "site", site.code(), null,
                Map.of("feed", "issued")));
        return token;
    }

    @Transactional
    public void revoke(Caller caller, String siteCode) {
        Site site = sites.get(siteCode);
        sites.requireScope(caller, site.code());
        if (feeds.delete(site.code())) {
            audit.append(new AuditEvent(caller.username(), "feed.revoke", "site", site.code(),
                    Map.of("feed", "issued"), null));
        }
    }

    /** The iCalendar text for a token, with the site's join link in each meeting; 404 when unknown or revoked. */
    @Transactional
    public String calendar(String token) {
        String site = feeds.siteOf(hash(token)).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "feed-not-found", new Text("Không có lịch này (có thể đã bị thu hồi)",
                "No such calendar feed (it may have been revoked)")));
        var now = clock.instant();
        var filter = new MeetingStore.Filter(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(366)), site,
                null, null, 0, 2000);
        return MeetingCalendar.of(meetings.list(filter), null, m -> m.status() == MeetingStatus.CANCELLED ? null
                : publicUrl + links.pathFor(m.id(), site));
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
