package vn.hoinghi.orchestrator.reports;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.sites.SiteStore;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What of a report a caller may see. Every role but a unit operator sees everything. A unit operator (a province's
 * Department of Justice, say) sees its own subtree: in a meeting report only the rows of its units (headline counts
 * recomputed from those rows), in the unit report only its subtree; a meeting with none of its units, or a subtree
 * outside its own, is a 403 {@code outside-scope}, never an empty report that would look like "nobody attended".
 */
@Singleton
public class ReportScope {
    private final SiteStore sites;

    public ReportScope(SiteStore sites) {
        this.sites = sites;
    }

    /**
     * The caller's scope, read once. Read before the report itself: the live report calls the collector, and a
     * site lookup after it found no connection in its transaction (NoConnectionException seen in the UI e2e).
     */
    @Transactional(readOnly = true)
    public Scope of(Caller caller) {
        if (!caller.isUnitOperator()) {
            return new Scope(caller, null);
        }
        Set<String> own = caller.siteCode() == null ? Set.of() : sites.subtree(caller.siteCode()).stream()
                .map(s -> s.code().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return new Scope(caller, own);
    }

    /** {@code own}: the codes of a unit operator's subtree, upper case; null for the roles that see everything. */
    public record Scope(Caller caller, Set<String> own) {

        public MeetingReport meeting(MeetingReport report) {
            if (own == null) {
                return report;
            }
            MeetingFacts f = report.facts();
            List<MeetingFacts.SiteFacts> rows = f.sites().stream()
                    .filter(s -> own.contains(s.site().toUpperCase(Locale.ROOT))).toList();
            boolean hosts = f.hostSite() != null && own.contains(f.hostSite().toUpperCase(Locale.ROOT));
            if (rows.isEmpty() && !hosts) {
                throw outside(caller);
            }
            return MeetingReport.of(new MeetingFacts(f.kind(), f.version(), f.meetingId(), f.title(), f.hostSite(),
                    f.start(), f.end(), f.status(), f.telemetry(), rows), report.recordId());
        }

        /** The subtree a unit report covers: a unit operator's own site when none is asked for. */
        public String subtree(String asked) {
            if (own == null) {
                return asked;
            }
            if (asked == null) {
                return caller.siteCode();
            }
            if (!own.contains(asked.toUpperCase(Locale.ROOT))) {
                throw outside(caller);
            }
            return asked;
        }
    }

    private static ApiException outside(Caller caller) {
        return new ApiException(HttpStatus.FORBIDDEN, "outside-scope", new Text(
                "Bạn chỉ xem được báo cáo của đơn vị " + caller.siteCode() + " và các đơn vị trực thuộc",
                "You may only see reports of " + caller.siteCode() + " and the sites below it"));
    }
}
