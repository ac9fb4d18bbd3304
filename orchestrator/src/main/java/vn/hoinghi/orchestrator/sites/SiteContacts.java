package vn.hoinghi.orchestrator.sites;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and replaces a site's contact list: checked like the primary contact, scoped, audited. */
@Singleton
public class SiteContacts {
    static final int MAX = 50;
    private final SiteContactStore store;
    private final SiteService sites;
    private final AuditLog audit;

    public SiteContacts(SiteContactStore store, SiteService sites, AuditLog audit) {
        this.store = store;
        this.sites = sites;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<SiteContact> of(String siteCode) {
        return store.of(sites.get(siteCode).code());
    }

    @Transactional
    public List<SiteContact> replace(Caller caller, String siteCode, List<SiteContact> input) {
        Site site = sites.get(siteCode);
        sites.requireScope(caller, site.code());
        List<SiteContact> clean = check(input == null ? List.of() : input);
        List<SiteContact> before = store.of(site.code());
        if (!before.equals(clean)) {
            store.replace(site.code(), clean);
            audit.append(new AuditEvent(caller.username(), "site.contacts", "site", site.code(),
                    Map.of("contacts", before), Map.of("contacts", clean)));
        }
        return clean;
    }

    /** Trims every field; refuses a bad e-mail or phone and an entry with nothing to reach. */
    static List<SiteContact> check(List<SiteContact> input) {
        List<Violation> v = new ArrayList<>();
        if (input.size() > MAX) {
            v.add(Violation.of("contacts", "too-many", new Text("Tối đa " + MAX + " đầu mối cho một đơn vị",
                    "At most " + MAX + " contacts per site")));
        }
        List<SiteContact> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            SiteContact c = input.get(i);
            String field = "contacts[" + i + "]";
            SiteContact t = c == null ? new SiteContact(null, null, null, null)
                    : new SiteContact(trim(c.name()), trim(c.role()), trim(c.phone()), trim(c.email()));
            if (t.name() == null && t.phone() == null && t.email() == null) {
                v.add(Violation.of(field, "empty-contact", new Text("Đầu mối cần có tên, điện thoại hoặc thư điện tử",
                        "A contact needs a name, a phone or an e-mail address")));
            }
            if (t.email() != null && !SiteValidator.EMAIL.matcher(t.email()).matches()) {
                v.add(Violation.of(field + ".email", "bad-email", SiteErrors.BAD_EMAIL));
            }
            if (t.phone() != null && !SiteValidator.PHONE.matcher(t.phone()).matches()) {
                v.add(Violation.of(field + ".phone", "bad-phone", SiteErrors.BAD_PHONE));
            }
            out.add(t);
        }
        if (!v.isEmpty()) {
            throw SiteService.invalid(v);
        }
        return out;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
