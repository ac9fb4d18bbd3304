package vn.hoinghi.media.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.media.capacity.MeetingDemand;
import vn.hoinghi.media.capacity.VideoLayer;

/**
 * The demo Ministry's sites and its worst ordinary hour: one all-hands meeting of every site plus the 34 provincial
 * meetings at once (DESIGN.md §2). Provinces come from the bundled {@code provinces-2025.csv}, so a clone without
 * {@code ../shared} still works. The ~355 regional THADS offices are spread over provinces in proportion to the
 * pre-2025 provinces each absorbed (no per-province count is published with the data).
 */
public final class DemoMinistry {
    public static final int HQ_AND_DEPARTMENTS = 31;
    public static final int REGIONAL_THADS_OFFICES = 355;
    public static final String HQ_REGION = "North";
    /** Demo assumptions: HQ's large rooms and some provinces join the all-hands by SIP video; a few by phone. */
    static final int ALL_HANDS_SIP_VIDEO = 10;
    static final int ALL_HANDS_AUDIO = 5;

    private final List<Province> provinces;
    private final Map<String, Integer> officesByProvince;

    public DemoMinistry(List<Province> provinces) {
        this.provinces = List.copyOf(provinces);
        this.officesByProvince = spread(REGIONAL_THADS_OFFICES, this.provinces);
    }

    public static DemoMinistry bundled() {
        try (InputStream in = DemoMinistry.class.getResourceAsStream("/vn/hoinghi/media/data/provinces-2025.csv")) {
            if (in == null) {
                throw new IllegalStateException("provinces-2025.csv missing from the jar");
            }
            List<Province> list = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                String[] c = lines[i].split(",", -1);
                list.add(new Province(c[0], c[1], c[3], c[4].split(";").length));
            }
            return new DemoMinistry(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Province> provinces() {
        return provinces;
    }

    public int regionalOffices(String provinceCode) {
        return officesByProvince.get(provinceCode);
    }

    /** Every site: HQ and departments, then per province its Sở Tư pháp, THADS tỉnh and regional offices. */
    public int totalSites() {
        return HQ_AND_DEPARTMENTS + provinces.size() * 2 + REGIONAL_THADS_OFFICES;
    }

    /** The all-hands (hosted at HQ) plus one meeting per province (hosted in its region), all at once. */
    public List<MeetingDemand> allHandsPlusProvincialMeetings() {
        Map<String, Integer> sites = new LinkedHashMap<>();
        sites.put(HQ_REGION, HQ_AND_DEPARTMENTS);
        for (Province p : provinces) {
            sites.merge(p.region(), 2 + regionalOffices(p.code()), Integer::sum);
        }
        List<MeetingDemand> meetings = new ArrayList<>();
        meetings.add(new MeetingDemand("all-hands", HQ_REGION, sites, 2, ALL_HANDS_SIP_VIDEO, ALL_HANDS_AUDIO,
                VideoLayer.HD, 0));
        for (Province p : provinces) {
            // The provincial meeting: Sở Tư pháp chairs, THADS tỉnh and the regional offices attend; the chair's
            // room system joins by SIP video and one office by phone.
            meetings.add(new MeetingDemand("province-" + p.code(), p.region(),
                    Map.of(p.region(), 2 + regionalOffices(p.code())), 2, 1, 1, VideoLayer.HD, 0));
        }
        return meetings;
    }

    /** Largest-remainder apportionment: shares sum exactly to {@code total}. */
    static Map<String, Integer> spread(int total, List<Province> provinces) {
        int weight = provinces.stream().mapToInt(Province::constituents).sum();
        Map<String, Integer> share = new LinkedHashMap<>();
        List<double[]> remainders = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < provinces.size(); i++) {
            double exact = (double) total * provinces.get(i).constituents() / weight;
            share.put(provinces.get(i).code(), (int) exact);
            given += (int) exact;
            remainders.add(new double[] {exact - Math.floor(exact), i});
        }
        remainders.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int k = 0; k < total - given; k++) {
            share.merge(provinces.get((int) remainders.get(k)[1]).code(), 1, Integer::sum);
        }
        return share;
    }
}
