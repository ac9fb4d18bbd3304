package vn.hoinghi.orchestrator.reports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart data: per-site lines as the collector sent them, and the meeting line weighted by sample windows. */
class QualitySeriesTest {
    private static QualitySeries.Bucket b(String at, String site, Double mos, Double kbps, long windows) {
        return new QualitySeries.Bucket(at, site, mos, 1.0, 40.0, 5.0, kbps, windows);
    }

    @Test
    void theMeetingLineWeighsSitesByTheirWindowsAndSumsTheBitrate() {
        QualitySeries s = QualitySeries.of(60, "f", "t", List.of(
                b("2026-01-01T01:00:00Z", "stp-hni", 4.0, 1000.0, 3),
                b("2026-01-01T01:00:00Z", "STP-HPG", 2.0, 500.0, 1),
                b("2026-01-01T01:01:00Z", "STP-HPG", null, null, 1),
                b("2026-01-01T01:01:00Z", "unknown", 3.0, 100.0, 2)));

        assertThat(s.sites()).containsOnlyKeys("STP-HNI", "STP-HPG");
        assertThat(s.sites().get("STP-HPG")).extracting(QualitySeries.Point::mos).containsExactly(2.0, null);
        assertThat(s.meeting()).hasSize(2);
        assertThat(s.meeting().get(0).mos()).isEqualTo(3.5);
        assertThat(s.meeting().get(0).kbps()).isEqualTo(1500.0);
        assertThat(s.meeting().get(1).mos()).as("an unknown site still counts for the meeting").isEqualTo(3.0);
        assertThat(s.meeting().get(1).kbps()).isEqualTo(100.0);
    }

    @Test
    void noBucketsGiveEmptyLines() {
        QualitySeries s = QualitySeries.of(60, "f", "t", List.of());
        assertThat(s.meeting()).isEmpty();
        assertThat(s.sites()).isEmpty();
    }
}
