package vn.hoinghi.orchestrator.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Recurring problems of a unit over a period, in the words a secretariat uses
 * ("THADS khu vực 3 Gia Lai: âm thanh kém trong 6/8 cuộc họp"). Recurring = at least twice and in at least half of
 * the meetings it could happen in; a single bad day is not a pattern. "Âm thanh kém" because the MOS is the
 * E-model's estimate of voice quality.
 */
public final class Problems {
    private Problems() {
    }

    public static List<String> of(ReportStore.SiteTotals s) {
        List<String> out = new ArrayList<>();
        add(out, s.name(), "âm thanh kém", s.poorQuality(), s.measured());
        add(out, s.name(), "vắng mặt", s.meetings() - s.attended(), s.meetings());
        add(out, s.name(), "vào muộn", s.late(), s.attended());
        add(out, s.name(), "không gọi được thiết bị phòng họp", s.dialFailed(), s.dialled());
        return out;
    }

    private static void add(List<String> out, String name, String what, int times, int of) {
        if (times >= 2 && 2 * times >= of) {
            out.add(name + ": " + what + " trong " + times + "/" + of + " cuộc họp");
        }
    }
}
