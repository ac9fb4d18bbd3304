package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.booking.MeetingStore;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.sites.SiteContact;
import vn.hoinghi.orchestrator.sites.SiteContactStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An operator's hand on one room system of a live meeting: redial it now through the usual ladder, or escalate it
 * (a critical alert, a stored row, texts to the site's contacts). Each runs under the meeting's row lock, as the
 * booking code takes it, so two operators pressing Retry at once make one job, not two calls.
 */
@Singleton
public class DialActions {
    private final MeetingStore meetings;
    private final DialStore dials;
    private final DialActionStore store;
    private final JobStore jobs;
    private final ProvisioningStore provisioning;
    private final SiteContactStore contacts;
    private final AuditLog audit;
    private final ProvisioningConfig config;
    private final Clock clock;

    public DialActions(MeetingStore meetings, DialStore dials, DialActionStore store, JobStore jobs,
                       ProvisioningStore provisioning, SiteContactStore contacts, AuditLog audit,
                       ProvisioningConfig config, Clock clock) {
        this.meetings = meetings;
        this.dials = dials;
        this.store = store;
        this.jobs = jobs;
        this.provisioning = provisioning;
        this.contacts = contacts;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** What an escalation stored, and the phones its text goes to (sent after the commit, not inside it). */
    public record Escalated(long id, String site, List<String> phones, String text) {
    }

    @Transactional(readOnly = true)
    public List<DialStore.Attempt> attempts(long meetingId) {
        meetings.find(meetingId).orElseThrow(() -> BookingService.notFound(meetingId));
        return dials.forMeeting(meetingId);
    }

    /** Schedules a fresh DIAL job for the site, due now; returns its dedupe key. */
    @Transactional
    public String retry(long meetingId, String siteCode, String actor) {
        Meeting m = meetings.lock(meetingId).orElseThrow(() -> BookingService.notFound(meetingId));
        String site = invited(m, siteCode);
        if (m.status() != MeetingStatus.LIVE) {
            throw DialActionErrors.notLive(meetingId, m.status());
        }
        Instant now = clock.instant();
        DialStore.Attempt last = dials.forMeeting(meetingId).stream().filter(a -> a.siteCode().equalsIgnoreCase(site))
                .max(Comparator.comparingLong(DialStore.Attempt::id)).orElse(null);
        boolean ringing = last != null && last.outcome() == null
                && last.startedAt().plus(config.getDialPendingTimeout()).isAfter(now);
        if (ringing || store.dialRunning(meetingId, site)) {
            throw DialActionErrors.ringing(site);
        }
        if (last != null && "CONNECTED".equals(last.outcome())) {
            throw DialActionErrors.alreadyUp(site);
        }
        int superseded = store.supersedePending(meetingId, site, "superseded by a retry of " + actor);
        String key = DialActionStore.retryKeyPrefix(meetingId, site) + store.nextRetryNo(meetingId, site);
        jobs.schedule(JobKind.DIAL, meetingId, site, key, now);
        audit.append(new AuditEvent(actor, "dial.retry", "meeting", Long.toString(meetingId),
                last == null ? Map.of("site", site) : Map.of("site", site, "lastOutcome", String.valueOf(last.outcome())),
                Map.of("site", site, "job", key, "superseded", superseded)));
        return key;
    }

    @Transactional
    public Escalated escalate(long meetingId, String siteCode, String actor, String note) {
        Meeting m = meetings.lock(meetingId).orElseThrow(() -> BookingService.notFound(meetingId));
        String site = invited(m, siteCode);
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (clean != null && clean.length() > 500) {
            throw DialActionErrors.noteTooLong();
        }
        long id = store.escalate(meetingId, site, actor, clean);
        provisioning.alert(meetingId, site, "CRITICAL", "Điều hành viên " + actor + " báo động: điểm " + site
                + " chưa vào được cuộc họp " + meetingId + " / operator " + actor + " escalated: site " + site
                + " is not in meeting " + meetingId + (clean == null ? "" : " — " + clean));
        audit.append(new AuditEvent(actor, "dial.escalate", "meeting", Long.toString(meetingId), null,
                Map.of("site", site, "escalation", id, "note", clean == null ? "" : clean)));
        List<String> phones = contacts.of(site).stream().map(SiteContact::phone)
                .filter(p -> p != null && !p.isBlank()).distinct().toList();
        String text = "HoiNghi: điểm " + site + " chưa kết nối được cuộc họp \"" + m.title()
                + "\". Đề nghị kiểm tra thiết bị phòng họp và liên hệ trực kỹ thuật."
                + (clean == null ? "" : " Ghi chú: " + clean);
        return new Escalated(id, site, phones, text);
    }

    @Transactional
    public void textsDone(long escalationId, int sent, int failed) {
        store.textsDone(escalationId, sent, failed);
    }

    @Transactional(readOnly = true)
    public List<DialActionStore.Escalation> escalations(long meetingId) {
        return store.escalations(meetingId);
    }

    /** The site as the meeting stores it; 404 for a site the meeting does not invite. */
    private static String invited(Meeting m, String siteCode) {
        return m.invites().stream().map(Meeting.Invitation::site).filter(s -> s.equalsIgnoreCase(siteCode))
                .findFirst().orElseThrow(() -> DialActionErrors.unknownSite(m.id(), siteCode));
    }

    /** The catalogue of refusals: stable codes the UI shows the message of. */
    static final class DialActionErrors {
        private DialActionErrors() {
        }

        static ApiException unknownSite(long id, String site) {
            return new ApiException(HttpStatus.NOT_FOUND, "site-not-invited", new Text(
                    "Cuộc họp " + id + " không mời điểm " + site + ".", "Meeting " + id + " does not invite " + site
                    + "."));
        }

        static ApiException notLive(long id, MeetingStatus status) {
            return new ApiException(HttpStatus.CONFLICT, "meeting-not-live", new Text(
                    "Cuộc họp " + id + " không đang diễn ra (" + status + "): không gọi lại được.",
                    "Meeting " + id + " is not live (" + status + "): nothing to redial."));
        }

        static ApiException alreadyUp(String site) {
            return new ApiException(HttpStatus.CONFLICT, "call-already-up", new Text(
                    "Điểm " + site + " đang kết nối: gọi lại sẽ gọi trùng.",
                    "The call to " + site + " is up: a retry would dial it twice."));
        }

        static ApiException ringing(String site) {
            return new ApiException(HttpStatus.CONFLICT, "call-ringing", new Text(
                    "Đang gọi điểm " + site + ": chờ kết quả trước khi gọi lại.",
                    "A call to " + site + " is ringing: wait for its outcome before a retry."));
        }

        static ApiException noteTooLong() {
            Text t = new Text("Ghi chú dài quá 500 ký tự.", "The note is longer than 500 characters.");
            return new ApiException(HttpStatus.BAD_REQUEST, "note-too-long", t,
                    List.of(Problem.FieldError.of("note", "too-long", t)));
        }
    }
}
