package vn.hoinghi.orchestrator.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One row per invited unit: attendance, every dial attempt, quality. UTF-8 with a BOM so Excel shows Vietnamese. */
public final class MeetingCsv {
    private static final String[] HEADER = {"ma_don_vi", "ten_don_vi", "mien", "tham_du", "cach_vao", "trang_thai",
        "vao_luc", "muon_phut", "thoi_gian_du_phut", "so_lan_goi", "chi_tiet_goi", "mos_tb", "mos_thap_nhat",
        "phut_tot", "phut_kha", "phut_kem", "phut_rat_kem", "mat_goi_pct", "rtt_ms", "jitter_ms", "kbps_nhan"};

    private MeetingCsv() {
    }

    public static String write(MeetingReport r) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (MeetingFacts.SiteFacts s : r.facts().sites()) {
                MeetingFacts.Quality q = s.quality();
                csv.printRecord(s.site(), s.name(), s.region(), s.participation(), s.wayIn(),
                        Vietnamese.attendance(s.attendance()), Vietnamese.time(s.firstJoined()), s.lateMinutes(),
                        Vietnamese.minutes(s.presentSeconds()), s.dials() == null ? 0 : s.dials().size(),
                        Vietnamese.dials(s.dials()),
                        q == null ? "" : q.mosMean(), q == null ? "" : q.mosMin(), q == null ? "" : q.good(),
                        q == null ? "" : q.fair(), q == null ? "" : q.poor(), q == null ? "" : q.bad(),
                        q == null ? "" : q.lossPct(), q == null ? "" : q.rttMs(), q == null ? "" : q.jitterMs(),
                        q == null || q.recvKbps() == null ? "" : q.recvKbps());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
