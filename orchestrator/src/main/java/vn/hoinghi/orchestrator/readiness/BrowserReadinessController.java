package vn.hoinghi.orchestrator.readiness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.MeetConfig;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.sites.SiteService;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The units' browser readiness check: a test file to time the download, the meeting server's address to reach,
 * and the result stored on the site for operators.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class BrowserReadinessController {
    private static final Set<String> VERDICTS = Set.of("OK", "WARN", "BAD", "UNKNOWN");
    private static final int MAX_KB = 8192;
    private final BrowserReadinessStore store;
    private final SiteService sites;
    private final MeetConfig meet;
    private final Clock clock;

    public BrowserReadinessController(BrowserReadinessStore store, SiteService sites, MeetConfig meet, Clock clock) {
        this.store = store;
        this.sites = sites;
        this.meet = meet;
        this.clock = clock;
    }

    /** Random bytes (so no proxy can compress them) of {@code kb} KiB, never cached: the page times the download. */
    @Get(value = "/api/v1/readiness/probe", produces = "application/octet-stream")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public HttpResponse<byte[]> probe(@Nullable @QueryValue Integer kb) {
        int size = kb == null ? 1024 : kb;
        if (size < 1 || size > MAX_KB) {
            throw bad("kb", "phải từ 1 đến " + MAX_KB, "must be 1 to " + MAX_KB);
        }
        byte[] body = new byte[size * 1024];
        ThreadLocalRandom.current().nextBytes(body);
        return HttpResponse.ok(body).header("Cache-Control", "no-store");
    }

    /** Where the browser will meet: the page checks that this address answers from the unit's network. */
    @Get("/api/v1/readiness/meet")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public MeetAddress meet() {
        return new MeetAddress(meet.getBaseUrl());
    }

    @io.micronaut.serde.annotation.Serdeable
    public record MeetAddress(String url) {
    }

    @Post("/api/v1/sites/{code}/browser-readiness")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    @Transactional
    public HttpResponse<BrowserReadiness> report(@PathVariable String code, @Body BrowserReadiness.Report report,
                                                 Authentication auth) {
        Caller caller = Caller.of(auth);
        sites.requireScope(caller, code);
        String site = sites.get(code).code();
        String verdict = report.verdict() == null ? "UNKNOWN" : report.verdict().strip().toUpperCase(Locale.ROOT);
        if (!VERDICTS.contains(verdict)) {
            throw bad("verdict", "phải là OK, WARN, BAD hoặc UNKNOWN", "must be OK, WARN, BAD or UNKNOWN");
        }
        if (report.downloadKbps() != null && (report.downloadKbps() < 0 || report.downloadKbps() > 10_000_000)) {
            throw bad("downloadKbps", "ngoài khoảng 0–10.000.000", "outside 0–10,000,000");
        }
        String agent = report.userAgent() == null ? null
                : report.userAgent().substring(0, Math.min(400, report.userAgent().length()));
        BrowserReadiness saved = new BrowserReadiness(site, clock.instant(), caller.username(), report.camera(),
                report.microphone(), report.downloadKbps(), report.meetReachable(), verdict, agent);
        store.save(saved);
        return HttpResponse.created(saved);
    }

    /** Every unit's last check, newest first: the operators' view. */
    @Get("/api/v1/browser-readiness")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public List<BrowserReadiness> all() {
        return store.all();
    }

    private static ApiException bad(String field, String vi, String en) {
        Text t = new Text(vi, en);
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-readiness", t,
                List.of(Problem.FieldError.of(field, "out-of-range", t)));
    }
}
