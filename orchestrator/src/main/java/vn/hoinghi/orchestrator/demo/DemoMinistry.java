package vn.hoinghi.orchestrator.demo;

import vn.hoinghi.orchestrator.sites.NetworkKind;
import vn.hoinghi.orchestrator.sites.Region;
import vn.hoinghi.orchestrator.sites.RoomProtocol;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A realistic Ministry of Justice for demos and tests, the same on every run (fixed seed): HQ and its units,
 * each of the 34 provinces with a Department of Justice and a provincial THADS office, and 355 regional THADS
 * offices shared out by the number of pre-2025 provinces each one absorbed. About 120 sites have a room system.
 */
public final class DemoMinistry {
    public static final int REGIONAL_OFFICES = 355;
    /** Commune-level units after the 2025 reorganisation. */
    public static final int COMMUNES = 3_321;
    private static final long SEED = 20250701L;
    private static final String DOMAIN = "demo.hoinghi.vn";
    private static final String THADS_AUTHORITY = "CUC-QLTHADS";
    private static final List<String[]> HQ_UNITS = List.of(
            new String[]{"VP", "Văn phòng Bộ"}, new String[]{"VU-TCCB", "Vụ Tổ chức cán bộ"},
            new String[]{"VU-KHTC", "Vụ Kế hoạch - Tài chính"}, new String[]{"VU-HTQT", "Vụ Hợp tác quốc tế"},
            new String[]{"VU-PLHSHC", "Vụ Pháp luật hình sự - hành chính"},
            new String[]{"VU-PLDSKT", "Vụ Pháp luật dân sự - kinh tế"},
            new String[]{"VU-CVDC", "Vụ Các vấn đề chung về xây dựng pháp luật"},
            new String[]{"VU-TDKT", "Vụ Thi đua - Khen thưởng"}, new String[]{"TTRA", "Thanh tra Bộ"},
            new String[]{"CUC-KTVB", "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"},
            new String[]{"CUC-HTQTCT", "Cục Hộ tịch, quốc tịch, chứng thực"},
            new String[]{"CUC-BTTP", "Cục Bổ trợ tư pháp"}, new String[]{"CUC-TGPL", "Cục Trợ giúp pháp lý"},
            new String[]{THADS_AUTHORITY, "Cục Quản lý thi hành án dân sự"},
            new String[]{"CUC-PBGDPL", "Cục Phổ biến, giáo dục pháp luật"},
            new String[]{"CUC-CNTT", "Cục Công nghệ thông tin"},
            new String[]{"CUC-DKGDBD", "Cục Đăng ký quốc gia giao dịch bảo đảm"},
            new String[]{"CUC-BTNN", "Cục Bồi thường nhà nước"}, new String[]{"CUC-CN", "Cục Con nuôi"},
            new String[]{"CUC-PLQT", "Cục Pháp luật quốc tế"},
            new String[]{"TT-LLTP", "Trung tâm Lý lịch tư pháp quốc gia"},
            new String[]{"VIEN-KHPL", "Viện Khoa học pháp lý"}, new String[]{"HV-TP", "Học viện Tư pháp"},
            new String[]{"DH-LHN", "Trường Đại học Luật Hà Nội"},
            new String[]{"BAO-PLVN", "Báo Pháp luật Việt Nam"},
            new String[]{"TC-DCPL", "Tạp chí Dân chủ và Pháp luật"}, new String[]{"NXB-TP", "Nhà xuất bản Tư pháp"},
            new String[]{"TC-LBMT", "Trường Trung cấp Luật Buôn Ma Thuột"},
            new String[]{"TC-LDH", "Trường Trung cấp Luật Đồng Hới"},
            new String[]{"TC-LVT", "Trường Trung cấp Luật Vị Thanh"});

    private DemoMinistry() {
    }

    /** The Ministry without communes (≈450 sites). */
    public static List<Site> sites() {
        return sites(false);
    }

    /**
     * Parents come before their children, so the list can be written in order. With {@code communes}, the 3,321
     * commune-level justice officers join too (≈3,800 sites), each under its province's Department of Justice.
     */
    public static List<Site> sites(boolean communes) {
        Random random = new Random(SEED);
        // Communes draw from their own sequence, so adding them leaves the rest of the Ministry unchanged.
        Random communeRandom = new Random(SEED + 1);
        List<Province> provinces = Province.load();
        List<Site> out = new ArrayList<>();
        out.add(site("BTP", "Bộ Tư pháp (Cơ quan Bộ)", SiteKind.HQ, Region.NORTH, null,
                new Site.NetworkProfile(100_000, 100_000, NetworkKind.GOV_WAN),
                List.of(room("Phòng họp lớn tầng 5", "sip:phonghop-lon@btp." + DOMAIN, 1080),
                        room("Phòng họp số 2", "sip:phonghop-2@btp." + DOMAIN, 1080),
                        new Site.RoomSystem("Phòng họp trực tuyến", RoomProtocol.H323, "84243827000", 1080))));
        for (String[] unit : HQ_UNITS) {
            Region region = unit[1].contains("Buôn Ma Thuột") || unit[1].contains("Đồng Hới") ? Region.CENTRAL
                    : unit[1].contains("Vị Thanh") ? Region.SOUTH : Region.NORTH;
            out.add(site(unit[0], unit[1], SiteKind.DEPARTMENT, region, "BTP",
                    new Site.NetworkProfile(50_000, 50_000, NetworkKind.GOV_WAN), List.of()));
        }
        int[] offices = shareOut(provinces, REGIONAL_OFFICES);
        int[] communeCounts = shareOut(provinces, COMMUNES);
        for (int i = 0; i < provinces.size(); i++) {
            Province p = provinces.get(i);
            String stp = "STP-" + p.code();
            String thads = "THADS-" + p.code();
            Site.NetworkProfile provincial = new Site.NetworkProfile(20_000, 20_000, NetworkKind.GOV_WAN);
            out.add(site(stp, "Sở Tư pháp " + p.nameVi(), SiteKind.PROVINCE_JUSTICE, p.region(), "BTP", provincial,
                    List.of(room("Phòng họp trực tuyến", "sip:phonghop@" + host(stp), 720))));
            Site.RoomSystem thadsRoom = random.nextInt(4) == 0
                    ? new Site.RoomSystem("Phòng họp trực tuyến", RoomProtocol.H323,
                    "thads-" + p.code().toLowerCase(Locale.ROOT) + "@" + DOMAIN, 720)
                    : room("Phòng họp trực tuyến", "sip:phonghop@" + host(thads), 720);
            out.add(site(thads, "Thi hành án dân sự " + p.nameVi(), SiteKind.PROVINCE_THADS, p.region(),
                    THADS_AUTHORITY, provincial, List.of(thadsRoom)));
            for (int n = 1; n <= offices[i]; n++) {
                String code = String.format("%s-KV%02d", thads, n);
                boolean hasRoom = random.nextInt(100) < 14;
                out.add(site(code, "Phòng Thi hành án dân sự khu vực " + n + " - " + p.nameVi(),
                        SiteKind.REGIONAL_THADS, p.region(), thads, regionalNetwork(random),
                        hasRoom ? List.of(room("Phòng họp", "sip:phonghop@" + host(code), 360)) : List.of()));
            }
            for (int n = 1; communes && n <= communeCounts[i]; n++) {
                // Commune offices mostly sit on a weak internet line and join from a browser.
                out.add(site(String.format("XA-%s-%04d", p.code(), n), "Công chức tư pháp xã/phường số " + n + " - "
                        + p.nameVi(), SiteKind.COMMUNE, p.region(), stp, communeRandom.nextInt(3) == 0
                        ? new Site.NetworkProfile(4_096, 2_048, NetworkKind.INTERNET)
                        : new Site.NetworkProfile(1_024, 512, NetworkKind.INTERNET), List.of()));
            }
        }
        return out;
    }

    /**
     * Largest-remainder share of {@code total} offices, weighted by how many pre-2025 provinces each province
     * absorbed; the two largest cities count double (they have the most enforcement cases).
     */
    static int[] shareOut(List<Province> provinces, int total) {
        double[] weight = new double[provinces.size()];
        double weights = 0;
        for (int i = 0; i < weight.length; i++) {
            Province p = provinces.get(i);
            weight[i] = p.constituents().size() + (p.code().equals("HNI") || p.code().equals("HCM") ? 2 : 0);
            weights += weight[i];
        }
        int[] share = new int[weight.length];
        double[] remainder = new double[weight.length];
        int given = 0;
        for (int i = 0; i < weight.length; i++) {
            double exact = total * weight[i] / weights;
            share[i] = (int) Math.floor(exact);
            remainder[i] = exact - share[i];
            given += share[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < weight.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        return share;
    }

    /** Regional offices range from a weak ADSL line to a government WAN link. */
    private static Site.NetworkProfile regionalNetwork(Random random) {
        int pick = random.nextInt(10);
        if (pick < 2) {
            return new Site.NetworkProfile(1_024, 512, NetworkKind.INTERNET);
        }
        if (pick < 6) {
            return new Site.NetworkProfile(4_096, 2_048, NetworkKind.INTERNET);
        }
        return new Site.NetworkProfile(8_192, 4_096, NetworkKind.GOV_WAN);
    }

    private static Site site(String code, String name, SiteKind kind, Region region, String parent,
                             Site.NetworkProfile network, List<Site.RoomSystem> rooms) {
        String lower = code.toLowerCase(Locale.ROOT);
        return new Site(code, name, kind, region, parent, network,
                new Site.Contact("Văn phòng " + name, "024 3827 " + String.format("%04d", Math.abs(code.hashCode()) % 10000),
                        "vanphong@" + lower + "." + DOMAIN), rooms, 1);
    }

    private static Site.RoomSystem room(String name, String sip, int maxResolution) {
        return new Site.RoomSystem(name, RoomProtocol.SIP, sip, maxResolution);
    }

    private static String host(String code) {
        return code.toLowerCase(Locale.ROOT) + "." + DOMAIN;
    }
}
