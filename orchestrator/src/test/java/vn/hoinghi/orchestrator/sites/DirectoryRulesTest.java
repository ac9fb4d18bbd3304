package vn.hoinghi.orchestrator.sites;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryRulesTest {
    private static Site site(String code, String parent, String... sipRooms) {
        List<Site.RoomSystem> rooms = java.util.Arrays.stream(sipRooms)
                .map(a -> new Site.RoomSystem("r", RoomProtocol.SIP, a, 720)).toList();
        return new Site(code, code, SiteKind.REGIONAL_THADS, Region.SOUTH, parent,
                new Site.NetworkProfile(1024, 512, NetworkKind.INTERNET), Site.Contact.NONE, rooms, 1);
    }

    private static DirectoryRules.Snapshot directory() {
        Map<String, String> parents = new HashMap<>();
        parents.put("BTP", null);
        parents.put("THADS-HCM", "BTP");
        return new DirectoryRules.Snapshot(parents, Map.of("sip:a@hcm.example.vn", "THADS-HCM"));
    }

    @Test
    void childrenMayComeBeforeTheirParentInOneBatch() {
        var batch = List.of(new DirectoryRules.Entry(2, site("X-KV01", "X")), new DirectoryRules.Entry(3, site("X", "BTP")));
        assertThat(DirectoryRules.check(batch, directory())).isEmpty();
    }

    @Test
    void findsDuplicateCodesUnknownParentsCyclesAndTakenAddresses() {
        var batch = List.of(
                new DirectoryRules.Entry(2, site("A", "B")),
                new DirectoryRules.Entry(3, site("B", "A")),
                new DirectoryRules.Entry(4, site("C", "NOWHERE")),
                new DirectoryRules.Entry(5, site("D", "BTP", "sip:a@hcm.example.vn")),
                new DirectoryRules.Entry(6, site("E", "BTP", "sip:e@x.vn", "SIP:E@X.VN")),
                new DirectoryRules.Entry(7, site("e", "BTP")));
        assertThat(DirectoryRules.check(batch, directory()))
                .extracting(Violation::line, Violation::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(2, "cycle"),
                        org.assertj.core.groups.Tuple.tuple(3, "cycle"),
                        org.assertj.core.groups.Tuple.tuple(4, "unknown-parent"),
                        org.assertj.core.groups.Tuple.tuple(5, "duplicate-address"),
                        org.assertj.core.groups.Tuple.tuple(6, "duplicate-address"),
                        org.assertj.core.groups.Tuple.tuple(7, "duplicate-code"));
    }

    @Test
    void reimportingASiteFreesItsOwnAddresses() {
        var batch = List.of(new DirectoryRules.Entry(2, site("THADS-HCM", "BTP", "sip:a@hcm.example.vn")));
        assertThat(DirectoryRules.check(batch, directory())).isEmpty();
    }

    @Test
    void aSiteBelowALoopIsNotBlamedForIt() {
        var batch = List.of(new DirectoryRules.Entry(2, site("A", "B")), new DirectoryRules.Entry(3, site("B", "A")),
                new DirectoryRules.Entry(4, site("C", "A")));
        assertThat(DirectoryRules.check(batch, directory())).extracting(Violation::line, Violation::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, "cycle"),
                        org.assertj.core.groups.Tuple.tuple(3, "cycle"));
    }

    @Test
    void aRepeatedCodeIsJudgedOnItsOwnParentAndItsOwnLineOnly() {
        var batch = List.of(new DirectoryRules.Entry(2, site("X", "NOWHERE")),
                new DirectoryRules.Entry(3, site("X", "BTP")), new DirectoryRules.Entry(4, site("Y", "X")));
        assertThat(DirectoryRules.check(batch, directory())).extracting(Violation::line, Violation::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, "unknown-parent"),
                        org.assertj.core.groups.Tuple.tuple(3, "duplicate-code"));
    }
}
