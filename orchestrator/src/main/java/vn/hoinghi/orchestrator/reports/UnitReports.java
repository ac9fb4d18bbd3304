package vn.hoinghi.orchestrator.reports;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Builds a unit report: two reads of report_site_month (per site, per month), no raw rows. */
@Singleton
public class UnitReports {
    private final ReportStore store;

    public UnitReports(ReportStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public UnitReport build(UnitQuery q) {
        List<UnitReport.SiteLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int meetings = 0, attended = 0, measured = 0;
        double mos = 0;
        for (ReportStore.SiteTotals s : store.siteTotals(q)) {
            List<String> p = Problems.of(s);
            problems.addAll(p);
            lines.add(new UnitReport.SiteLine(s.site(), s.name(), s.region(), s.meetings(), s.attended(),
                    ratio(s.attended(), s.meetings()), s.late(), s.dialFailed(), mean(s.mosSum(), s.measured()),
                    s.poorQuality(), s.presentSeconds() / 60, p));
            meetings += s.meetings();
            attended += s.attended();
            measured += s.measured();
            mos += s.mosSum();
        }
        List<UnitReport.Month> months = store.monthTotals(q).stream().map(m -> new UnitReport.Month(
                m.month().toString().substring(0, 7), m.meetings(), m.attended(), ratio(m.attended(), m.meetings()),
                mean(m.mosSum(), m.measured()), m.poorQuality())).toList();
        return new UnitReport(q.from().toString().substring(0, 7),
                q.to().minusMonths(1).toString().substring(0, 7), q.region(), q.subtreeOf(), lines.size(),
                meetings, attended, ratio(attended, meetings), mean(mos, measured), months, lines, problems);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : QualitySummary.round((double) part / whole);
    }

    private static Double mean(double sum, int n) {
        return n == 0 ? null : QualitySummary.round(sum / n);
    }
}
