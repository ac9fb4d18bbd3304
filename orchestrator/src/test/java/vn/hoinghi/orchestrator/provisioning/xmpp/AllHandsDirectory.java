package vn.hoinghi.orchestrator.provisioning.xmpp;

import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.demo.DemoMinistry;
import vn.hoinghi.orchestrator.sites.NetworkKind;
import vn.hoinghi.orchestrator.sites.Region;
import vn.hoinghi.orchestrator.sites.RoomProtocol;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteCsv;
import vn.hoinghi.orchestrator.sites.SiteKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The all-hands' directory and invitation list: the demo Ministry (with communes above 400 sites), plus synthetic
 * commune offices with a SIP room system each to pass its 3,775 sites; the first {@code roomSystems} sites with a
 * room system join by it, then sites in directory order up to {@code sites}.
 *
 * @param all every site of the directory, as imported
 * @param invited invited site code → its Vietnamese name, in invitation order (participant n is the n-th site's)
 * @param roomSystemSites the invited sites that join by room system
 */
record AllHandsDirectory(List<Site> all, Map<String, String> invited, List<String> roomSystemSites) {
    static AllHandsDirectory of(AllHands.Size size) {
        List<Site> all = new ArrayList<>(DemoMinistry.sites(size.sites() > 400));
        for (int n = 1; all.size() < size.sites() + 1; n++) {
            String code = String.format("XA-THEM-%04d", n);
            all.add(new Site(code, "Công chức tư pháp bổ sung số " + n, SiteKind.COMMUNE, Region.values()[n % 3],
                    "STP-HNI", new Site.NetworkProfile(4_096, 2_048, NetworkKind.INTERNET), Site.Contact.NONE,
                    List.of(new Site.RoomSystem("Phòng họp", RoomProtocol.SIP,
                            "sip:phonghop@" + code.toLowerCase() + ".example.vn", 360)), 0));
        }
        Map<String, String> invited = new LinkedHashMap<>();
        List<String> roomSystemSites = new ArrayList<>();
        for (Site s : all.stream().filter(s -> !s.roomSystems().isEmpty()).limit(size.roomSystems()).toList()) {
            roomSystemSites.add(s.code());
            invited.put(s.code(), s.nameVi());
        }
        for (Site s : all) {
            if (invited.size() == size.sites()) {
                break;
            }
            invited.putIfAbsent(s.code(), s.nameVi());
        }
        return new AllHandsDirectory(List.copyOf(all), invited, List.copyOf(roomSystemSites));
    }

    /** The directory as the import API takes it. */
    byte[] csv() {
        return SiteCsv.write(all).getBytes(StandardCharsets.UTF_8);
    }

    /** The booking's invitations: the first {@code interactive} sites in the main room, the rest viewers. */
    List<BookingRequest.Invite> invites(int interactive) {
        List<BookingRequest.Invite> out = new ArrayList<>();
        for (String code : invited.keySet()) {
            out.add(new BookingRequest.Invite(code,
                    out.size() < interactive ? "INTERACTIVE" : "VIEWER",
                    roomSystemSites.contains(code) ? "ROOM_SYSTEM" : "BROWSER", null));
        }
        return out;
    }

    /** Endpoint id → site code, as the simulated participants join. */
    Map<String, String> endpoints() {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String code : invited.keySet()) {
            out.put(ParticipantCrowd.endpoint(n++), code);
        }
        return out;
    }
}
