package vn.hoinghi.orchestrator.sites;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.util.List;
import java.util.Objects;

/** Single-site changes: validated, scoped to what the caller may touch, and audited in the same transaction. */
@Singleton
public class SiteService {
    private final SiteStore store;
    private final AuditLog audit;
    private final RoomSystemGuard guard;

    public SiteService(SiteStore store, AuditLog audit, RoomSystemGuard guard) {
        this.store = store;
        this.audit = audit;
        this.guard = guard;
    }

    @Transactional(readOnly = true)
    public Site get(String code) {
        return store.find(code).orElseThrow(() -> notFound(code));
    }

    @Transactional
    public Site create(Caller caller, SiteInput input) {
        Site site = valid(input, 1);
        store.lockDirectory();
        if (store.find(site.code()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "duplicate-code", new Text(
                    "Mã đơn vị " + site.code() + " đã tồn tại", "Site code " + site.code() + " already exists"));
        }
        // A unit operator creates only below its own site.
        requireScope(caller, site.parentCode());
        checkDirectory(site);
        write(site);
        Site saved = get(site.code());
        audit.append(new AuditEvent(caller.username(), "site.create", "site", saved.code(), null, saved));
        return saved;
    }

    @Transactional
    public Site update(Caller caller, String code, Integer ifMatch, SiteInput input) {
        store.lockDirectory();
        Site before = get(code);
        checkVersion(before, ifMatch);
        SiteInput sameCode = new SiteInput(code, input.nameVi(), input.kind(), input.region(), input.parentCode(),
                input.network(), input.contact(), input.roomSystems());
        if (input.code() != null && !input.code().equalsIgnoreCase(code)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "code-immutable", new Text(
                    "Không đổi được mã đơn vị: hãy tạo đơn vị mới", "A site code cannot change: create a new site"));
        }
        Site after = valid(sameCode, before.version());
        requireScope(caller, before.code());
        // A unit operator may not move a site out of its reach, nor re-parent its own root.
        boolean ownRoot = caller.isUnitOperator() && before.code().equalsIgnoreCase(caller.siteCode());
        if (ownRoot && !Objects.equals(before.parentCode(), after.parentCode())) {
            throw outsideScope(caller);
        }
        if (!ownRoot && after.parentCode() != null) {
            requireScope(caller, after.parentCode());
        }
        if (after.sameContentAs(before)) {
            return before;
        }
        checkDirectory(after);
        List<Violation> inUse = guard.check(List.of(new RoomSystemGuard.Change(0, before,
                after.roomSystems().stream().map(Site.RoomSystem::address).toList())));
        if (!inUse.isEmpty()) {
            throw invalid(inUse);
        }
        write(after);
        Site saved = get(code);
        audit.append(new AuditEvent(caller.username(), "site.update", "site", code, before, saved));
        return saved;
    }

    @Transactional
    public void delete(Caller caller, String code, Integer ifMatch) {
        store.lockDirectory();
        Site before = get(code);
        checkVersion(before, ifMatch);
        requireScope(caller, before.code());
        if (caller.isUnitOperator() && before.code().equalsIgnoreCase(caller.siteCode())) {
            throw outsideScope(caller);
        }
        if (store.hasChildren(code)) {
            throw new ApiException(HttpStatus.CONFLICT, "has-children", new Text(
                    "Đơn vị còn đơn vị trực thuộc: hãy chuyển hoặc xoá chúng trước",
                    "The site still has child sites: move or delete them first"));
        }
        store.delete(code);
        audit.append(new AuditEvent(caller.username(), "site.delete", "site", before.code(), before, null));
    }

    /** Unit operators act within their own subtree; every other writing role acts anywhere. */
    public void requireScope(Caller caller, String code) {
        if (!caller.isUnitOperator()) {
            return;
        }
        if (code == null || !store.isWithin(caller.siteCode(), code)) {
            throw outsideScope(caller);
        }
    }

    private static ApiException outsideScope(Caller caller) {
        return new ApiException(HttpStatus.FORBIDDEN, "outside-scope", new Text(
                "Bạn chỉ được thay đổi đơn vị " + caller.siteCode() + " và các đơn vị trực thuộc",
                "You may only change " + caller.siteCode() + " and the sites below it"));
    }

    private void write(Site site) {
        try {
            store.upsert(List.of(site));
        } catch (WriteRefused e) {
            throw new ApiException(HttpStatus.CONFLICT, "write-refused", new Text(
                    "Cơ sở dữ liệu từ chối thay đổi (mã " + e.sqlState() + "); chưa có gì được ghi",
                    "The database refused the change (SQL state " + e.sqlState() + "); nothing was written"));
        }
    }

    private void checkDirectory(Site site) {
        List<Violation> v = DirectoryRules.check(List.of(new DirectoryRules.Entry(0, site)), store.snapshot());
        if (!v.isEmpty()) {
            throw invalid(v);
        }
    }

    private static Site valid(SiteInput input, int version) {
        SiteValidator.Result r = SiteValidator.validate(input, version);
        if (!r.ok()) {
            throw invalid(r.violations());
        }
        return r.site();
    }

    private static void checkVersion(Site current, Integer ifMatch) {
        if (ifMatch != null && ifMatch != current.version()) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", new Text(
                    "Đơn vị đã được người khác sửa (phiên bản " + current.version() + "): hãy tải lại",
                    "The site was changed by someone else (version " + current.version() + "): reload it"));
        }
    }

    static ApiException invalid(List<Violation> violations) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-site", new Text(
                "Dữ liệu đơn vị không hợp lệ: " + violations.size() + " lỗi",
                "The site data is invalid: " + violations.size() + " error(s)"),
                violations.stream().map(Violation::toFieldError).toList());
    }

    static ApiException notFound(String code) {
        return new ApiException(HttpStatus.NOT_FOUND, "site-not-found", new Text(
                "Không có đơn vị mã " + code, "No site with code " + code));
    }
}
