package vn.hoinghi.orchestrator.sites;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.audit.AuditEvent;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bulk import, all or nothing: every line is checked against the file and the directory first and every bad
 * line reported; only a clean file is written, in one transaction. Sites whose content is unchanged are not
 * written nor audited, so importing the same file twice changes nothing.
 *
 * <p>A dry run is the real import, checks and writes and audit included, in the same kind of transaction, which
 * is then rolled back: whatever the database would refuse, the dry run refuses too, so a green dry run means the
 * real import goes through (against the same directory).
 */
@Singleton
public class SiteImporter {
    private static final Logger LOG = LoggerFactory.getLogger(SiteImporter.class);

    public enum Format { CSV, JSON }

    private final SiteStore store;
    private final SiteJson siteJson;
    private final AuditLog audit;
    private final RoomSystemGuard guard;
    private final TransactionOperations<Connection> tx;

    public SiteImporter(SiteStore store, SiteJson siteJson, AuditLog audit, RoomSystemGuard guard,
                        TransactionOperations<Connection> tx) {
        this.store = store;
        this.siteJson = siteJson;
        this.audit = audit;
        this.guard = guard;
        this.tx = tx;
    }

    /** Imports a file; with {@code dryRun} the transaction is rolled back (call it outside any transaction). */
    @Transactional
    public ImportReport importFile(Caller caller, Format format, byte[] body, boolean dryRun) {
        Utf8.Decoded decoded = Utf8.decode(body);
        if (decoded.ok().isEmpty()) {
            throw invalid(List.of(Violation.of("file", "bad-encoding", SiteErrors.BAD_ENCODING)
                    .atLine(decoded.badLine())), format);
        }
        ParsedFile parsed = format == Format.CSV ? SiteCsv.read(decoded.text()) : siteJson.read(decoded.text());
        store.lockDirectory();
        Map<String, Site> existing = current(parsed.lines());
        List<Violation> violations = new ArrayList<>(parsed.violations());
        List<DirectoryRules.Entry> entries = new ArrayList<>();
        List<RoomSystemGuard.Change> changes = new ArrayList<>();
        List<Site> valid = new ArrayList<>();
        for (ParsedFile.Line line : parsed.lines()) {
            Site before = existing.get(keyOf(line.input()));
            SiteInput input = KeptFields.fill(line.input(), line.absent(), before);
            SiteValidator.Result r = SiteValidator.validate(input, 1);
            violations.addAll(line.problems());
            // A cell that could not be read is reported once, not again as "required" by the validator.
            Set<String> unreadable = line.problems().stream().map(Violation::field).collect(Collectors.toSet());
            r.violations().stream().filter(v -> !unreadable.contains(SiteCsv.columnOf(v.field())))
                    .forEach(v -> violations.add(v.atLine(line.line())));
            // Lines failing other checks still take part, so each gets all of its errors in one report.
            DirectoryRules.Entry entry = DirectoryRules.Entry.of(line.line(), input);
            entries.add(entry);
            changes.add(new RoomSystemGuard.Change(line.line(), before, entry.addresses()));
            if (r.ok() && line.problems().isEmpty()) {
                valid.add(r.site());
            }
        }
        violations.addAll(DirectoryRules.check(entries, store.snapshot()));
        violations.addAll(guard.check(changes));
        if (!violations.isEmpty()) {
            throw invalid(violations, format);
        }
        ImportReport report = apply(caller, valid, existing, parsed.lines().size(), dryRun);
        if (dryRun) {
            tx.findTransactionStatus().orElseThrow().setRollbackOnly();
        }
        return report;
    }

    private Map<String, Site> current(List<ParsedFile.Line> lines) {
        List<String> codes = lines.stream().map(l -> SiteValidator.trim(l.input().code()))
                .filter(c -> c != null && SiteValidator.CODE.matcher(c).matches()).distinct().toList();
        Map<String, Site> existing = new HashMap<>();
        store.findAll(codes).forEach(s -> existing.put(DirectoryRules.key(s.code()), s));
        return existing;
    }

    private static String keyOf(SiteInput in) {
        String code = SiteValidator.trim(in.code());
        return code == null ? "" : DirectoryRules.key(code);
    }

    private ImportReport apply(Caller caller, List<Site> sites, Map<String, Site> existing, int lineCount,
                               boolean dryRun) {
        List<Site> changed = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (Site site : sites) {
            Site before = existing.get(DirectoryRules.key(site.code()));
            if (before == null) {
                created.add(site.code());
                changed.add(site);
            } else if (!site.sameContentAs(before)) {
                updated.add(site.code());
                changed.add(site);
            }
        }
        if (!changed.isEmpty()) {
            write(changed);
            List<AuditEvent> events = new ArrayList<>();
            for (Site s : changed) {
                Site before = existing.get(DirectoryRules.key(s.code()));
                events.add(new AuditEvent(caller.username(), before == null ? "site.import.create"
                        : "site.import.update", "site", s.code(), before, s.withVersion(before == null ? 1
                        : before.version() + 1)));
            }
            audit.appendAll(events);
        }
        int unchanged = sites.size() - created.size() - updated.size();
        return new ImportReport(dryRun, lineCount, created.size(), updated.size(), unchanged, created, updated);
    }

    private void write(List<Site> changed) {
        try {
            store.upsert(changed);
        } catch (WriteRefused e) {
            LOG.warn("directory import refused by the database (SQL state {}): {}", e.sqlState(), e.getMessage());
            throw new ApiException(HttpStatus.CONFLICT, "import-refused", new Text(
                    "Cơ sở dữ liệu từ chối bản nhập (mã " + e.sqlState() + "); chưa có gì được ghi",
                    "The database refused the import (SQL state " + e.sqlState() + "); nothing was written"));
        }
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
