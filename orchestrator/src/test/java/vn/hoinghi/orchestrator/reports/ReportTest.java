package vn.hoinghi.orchestrator.reports;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.records.Sealer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports of meetings that ran and were sealed: the meeting report (JSON, CSV, PDF) and the unit report. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTest {
    private EndedMeetings world;
    private Path dir;

    @BeforeAll
    void twoMeetingsRanAndWereSealed() throws Exception {
        world = new EndedMeetings(ReportTest.class);
        dir = Files.createTempDirectory("reports");
        for (int i = 0; i < 2; i++) {
            world.runOne();
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(3));
            assertThat(world.ctx.getBean(Sealer.class).sealDue()).isEqualTo(1);
        }
    }

    @AfterAll
    void stop() {
        world.close();
    }

    private MeetingReport report() {
        return world.ctx.getBean(MeetingReports.class).of(world.meetings.get(0)).orElseThrow();
    }

    @Test
    void theMeetingReportCountsAttendanceDialsAndQualityFromTheSealedRecord() {
        MeetingReport r = report();
        assertThat(r.recordId()).isNotNull();
        assertThat(r.expected()).isEqualTo(4);
        assertThat(r.joined()).isEqualTo(2);
        assertThat(r.late()).isEqualTo(1);
        assertThat(r.dialled()).isEqualTo(2);
        assertThat(r.measured()).isEqualTo(2);
        assertThat(r.poorQuality()).as("STP-DNG: 12 of 40 minutes bad").isEqualTo(1);
        String csv = MeetingCsv.write(r);
        assertThat(csv).startsWith("\uFEFFma_don_vi,ten_don_vi").contains("Vắng", "Đã rời")
                .contains("Hình (SIP) lần 1: Không kết nối");
        assertThat(csv.lines()).hasSize(5);
    }

    @Test
    void thePdfHasTheVietnameseTitleAndRendersToANonBlankPage() throws Exception {
        byte[] pdf = MeetingPdf.render(report(), world.ctx.getBean(ReportFont.class).font());
        assertThat(PdfCheck.textOfNonBlank(pdf, dir))
                .contains(MeetingPdf.TITLE, "Điểm danh", "Gọi thiết bị phòng họp", "Sở Tư pháp");
    }

    /** A host with no font package (a fresh machine) still gets Vietnamese, from the DejaVu Sans in the jar. */
    @Test
    void withoutASystemFontThePdfUsesTheBundledFace() throws Exception {
        ReportFont bundledOnly = new ReportFont("", List.of());
        assertThat(bundledOnly.font()).as("DejaVu Sans on the classpath").isNotNull();
        assertThat(bundledOnly.font().getPostscriptFontName()).contains("DejaVuSans");
        byte[] pdf = MeetingPdf.render(report(), bundledOnly.font());
        assertThat(PdfCheck.textOfNonBlank(pdf, dir)).contains(MeetingPdf.TITLE, "Điểm danh", "Sở Tư pháp");
    }

    @Test
    void theUnitReportNamesRecurringProblemsInPlainWordsAndFilters() {
        UnitReports units = world.ctx.getBean(UnitReports.class);
        ReportController c = world.ctx.getBean(ReportController.class);
        String month = YearMonth.from(world.starts.get(0).atZone(ReportStore.ZONE)).toString();
        String lastMonth = YearMonth.from(world.starts.get(1).atZone(ReportStore.ZONE)).toString();
        UnitReport all = units.build(c.query(month, lastMonth, null, null));
        assertThat(all.sites()).isEqualTo(4);
        assertThat(all.meetings()).isEqualTo(8);
        assertThat(all.attendanceRate()).isEqualTo(0.5);
        UnitReport.SiteLine dng = all.units().stream().filter(u -> u.site().equals("STP-DNG")).findFirst().orElseThrow();
        assertThat(dng.problems()).containsExactly(dng.name() + ": âm thanh kém trong 2/2 cuộc họp",
                dng.name() + ": vào muộn trong 2/2 cuộc họp");
        assertThat(all.problems()).anyMatch(p -> p.endsWith(": vắng mặt trong 2/2 cuộc họp"));
        assertThat(all.units().stream().filter(u -> u.site().equals("STP-HNI")).findFirst().orElseThrow().problems())
                .isEmpty();
        assertThat(units.build(c.query(month, lastMonth, "central", null)).units())
                .extracting(UnitReport.SiteLine::site).containsExactly("STP-DNG");
        assertThat(units.build(c.query(month, lastMonth, null, "STP-HNI")).units())
                .extracting(UnitReport.SiteLine::site).containsExactly("STP-HNI");
        assertThat(UnitCsv.write(all)).contains("âm thanh kém trong 2/2 cuộc họp");
        assertThatThrownBy(() -> c.query("2026-13", null, null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("bad-report-query");
        assertThatThrownBy(() -> c.query(null, null, "WEST", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aUnitOperatorSeesOnlyItsOwnSubtree() {
        ReportScope scope = world.ctx.getBean(ReportScope.class);
        var hanoi = new vn.hoinghi.orchestrator.access.Caller("stp-hni", vn.hoinghi.orchestrator.access.Roles.UNIT_OPERATOR,
                "STP-HNI");
        MeetingReport own = scope.of(hanoi).meeting(report());
        assertThat(own.facts().sites()).extracting(MeetingFacts.SiteFacts::site).containsExactly("STP-HNI");
        assertThat(own.expected()).isEqualTo(1);
        assertThat(own.joined()).isEqualTo(1);
        var elsewhere = new vn.hoinghi.orchestrator.access.Caller("thads-dng",
                vn.hoinghi.orchestrator.access.Roles.UNIT_OPERATOR, "THADS-DNG");
        assertThatThrownBy(() -> scope.of(elsewhere).meeting(report())).isInstanceOf(ApiException.class)
                .hasMessageContaining("outside-scope");
        assertThat(scope.of(hanoi).subtree(null)).isEqualTo("STP-HNI");
        assertThatThrownBy(() -> scope.of(hanoi).subtree("STP-DNG")).isInstanceOf(ApiException.class)
                .hasMessageContaining("outside-scope");
        var secretariat = new vn.hoinghi.orchestrator.access.Caller("thuky",
                vn.hoinghi.orchestrator.access.Roles.SECRETARIAT, null);
        assertThat(scope.of(secretariat).meeting(report()).expected()).isEqualTo(4);
        assertThat(scope.of(secretariat).subtree(null)).isNull();
    }
}
