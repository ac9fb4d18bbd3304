package vn.hoinghi.orchestrator.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The unit report, one row per unit, with its recurring problems in words. UTF-8 with a BOM for Excel. */
public final class UnitCsv {
    private static final String[] HEADER = {"ma_don_vi", "ten_don_vi", "mien", "so_cuoc_hop", "da_tham_du",
        "ty_le_tham_du", "vao_muon", "goi_khong_duoc", "mos_tb", "cuoc_hop_chat_luong_kem", "phut_tham_du",
        "van_de_lap_lai"};

    private UnitCsv() {
    }

    public static String write(UnitReport r) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (UnitReport.SiteLine s : r.units()) {
                csv.printRecord(s.site(), s.name(), s.region(), s.meetings(), s.attended(),
                        s.attendanceRate() == null ? "" : s.attendanceRate(), s.late(), s.dialFailed(),
                        s.meanMos() == null ? "" : s.meanMos(), s.poorQuality(), s.presentMinutes(),
                        String.join("; ", s.problems()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
