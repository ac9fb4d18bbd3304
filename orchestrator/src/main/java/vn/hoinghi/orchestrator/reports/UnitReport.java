package vn.hoinghi.orchestrator.reports;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Attendance and quality of units over months, with recurring problems, from the per-(site, month) aggregates. */
@Serdeable
public record UnitReport(String from, String to, String region, String subtreeOf, int sites, int meetings,
                         int attended, Double attendanceRate, Double meanMos, List<Month> months,
                         List<SiteLine> units, List<String> problems) {

    /** One month over all selected units: for the charts. */
    @Serdeable
    public record Month(String month, int meetings, int attended, Double attendanceRate, Double meanMos,
                        int poorQuality) {
    }

    @Serdeable
    public record SiteLine(String site, String name, String region, int meetings, int attended,
                           Double attendanceRate, int late, int dialFailed, Double meanMos, int poorQuality,
                           long presentMinutes, List<String> problems) {
    }
}
