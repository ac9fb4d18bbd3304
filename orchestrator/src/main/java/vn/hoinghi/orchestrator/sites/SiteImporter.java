package vn.hoinghi.orchestrator.sites;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import, all or nothing: every line is checked against the file and the directory first and every bad
 * line reported; only a clean file is written, in one transaction. Sites whose content is unchanged are not
 * written nor audited, so importing the same file twice changes nothing.
 */
@Singleton
public class SiteImporter {
    public enum Format { CSV, JSON }

    private final SiteStore store;
    private final SiteJson siteJson;
    private final AuditLog audit;

    public SiteImporter(SiteStore store, SiteJson siteJson, AuditLog audit) {
        this.store = store;
        this.siteJson = siteJson;
        this.audit = audit;
    }

    @Transactional
    public ImportReport importFile(Caller caller, Format format, byte[] body, boolean dryRun) {
        Utf8.Decoded decoded = Utf8.decode(body);
        if (decoded.ok().isEmpty()) {
            throw invalid(List.of(Violation.of("file", "bad-encoding", SiteErrors.BAD_ENCODING)
                    .atLine(decoded.badLine())), format);
        }
        ParsedFile parsed = format == Format.CSV ? SiteCsv.read(decoded.text()) : siteJson.read(decoded.text());
        List<Violation> violations = new ArrayList<>(parsed.violations());
        List<DirectoryRules.Entry> entries = new ArrayList<>();
        for (ParsedFile.Line line : parsed.lines()) {
            SiteValidator.Result r = SiteValidator.validate(line.input(), 1);
            r.violations().forEach(v -> violations.add(v.atLine(line.line())));
            if (r.ok()) {
                entries.add(new DirectoryRules.Entry(line.line(), r.site()));
            }
        }
        store.lockDirectory();
        violations.addAll(DirectoryRules.check(entries, store.snapshot()));
        if (!violations.isEmpty()) {
            throw invalid(violations, format);
        }
        return apply(caller, entries, parsed.lines().size(), dryRun);
    }

    private ImportReport apply(Caller caller, List<DirectoryRules.Entry> entries, int lineCount, boolean dryRun) {
        Map<String, Site> existing = new HashMap<>();
        store.findAll(entries.stream().map(e -> e.site().code()).toList())
                .forEach(s -> existing.put(DirectoryRules.key(s.code()), s));
        List<Site> changed = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (DirectoryRules.Entry e : entries) {
            Site before = existing.get(DirectoryRules.key(e.site().code()));
            if (before == null) {
                created.add(e.site().code());
                changed.add(e.site());
            } else if (!e.site().sameContentAs(before)) {
                updated.add(e.site().code());
                changed.add(e.site());
            }
        }
        if (!dryRun && !changed.isEmpty()) {
            store.upsert(changed);
            List<AuditEvent> events = new ArrayList<>();
            for (Site s : changed) {
                Site before = existing.get(DirectoryRules.key(s.code()));
                events.add(new AuditEvent(caller.username(), before == null ? "site.import.create"
                        : "site.import.update", "site", s.code(), before, s.withVersion(before == null ? 1
                        : before.version() + 1)));
            }
            audit.appendAll(events);
        }
        int unchanged = entries.size() - created.size() - updated.size();
        return new ImportReport(dryRun, lineCount, created.size(), updated.size(), unchanged, created, updated);
    }

    private static ApiException invalid(List<Violation> violations, Format format) {
        List<Violation> sorted = violations.stream()
                .map(v -> format == Format.CSV ? v.renamed(SiteCsv.columnOf(v.field())) : v)
                .sorted(Comparator.comparing((Violation v) -> v.line() == null ? 0 : v.line()))
                .toList();
        long badLines = sorted.stream().map(Violation::line).distinct().count();
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-import", new Text(
                "Không nhập được: " + badLines + " dòng có lỗi, chưa có gì được ghi",
                "Import refused: " + badLines + " line(s) have errors; nothing was written"),
                sorted.stream().map(Violation::toFieldError).toList());
    }
}
