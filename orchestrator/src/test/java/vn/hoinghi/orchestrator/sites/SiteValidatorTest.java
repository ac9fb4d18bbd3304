package vn.hoinghi.orchestrator.sites;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteValidatorTest {
    static SiteInput input(String code, String parent, List<SiteInput.RoomSystemInput> rooms) {
        return new SiteInput(code, "Sở Tư pháp Thử", "PROVINCE_JUSTICE", "NORTH", parent,
                new SiteInput.Network(20_000, 20_000, "GOV_WAN"), null, rooms);
    }

    @Test
    void acceptsAWellFormedSiteWithSipAndH323Rooms() {
        var r = SiteValidator.validate(input("STP-THU", "BTP", List.of(
                new SiteInput.RoomSystemInput("Phòng 1", "SIP", "sip:phonghop@stp-thu.example.vn", 720),
                new SiteInput.RoomSystemInput(null, "h323", "84243827000", null))), 1);
        assertThat(r.violations()).isEmpty();
        assertThat(r.site().roomSystems()).extracting(Site.RoomSystem::protocol)
                .containsExactly(RoomProtocol.SIP, RoomProtocol.H323);
        assertThat(r.site().roomSystems().get(1).maxResolution()).isEqualTo(720);
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        var bad = new SiteInput("bad code!", " ", "PROVINCE", "WEST", null,
                new SiteInput.Network(10, null, "SATELLITE"), new Site.Contact("x", "abc", "not-an-email"),
                List.of(new SiteInput.RoomSystemInput("r", "SIP", "phonghop.example.vn", 4000)));
        var r = SiteValidator.validate(bad, 1);
        assertThat(r.ok()).isFalse();
        assertThat(r.violations()).extracting(Violation::field, Violation::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("code", "bad-code"),
                org.assertj.core.groups.Tuple.tuple("nameVi", "required"),
                org.assertj.core.groups.Tuple.tuple("kind", "unknown-kind"),
                org.assertj.core.groups.Tuple.tuple("region", "unknown-region"),
                org.assertj.core.groups.Tuple.tuple("network.downlinkKbps", "out-of-range"),
                org.assertj.core.groups.Tuple.tuple("network.uplinkKbps", "required"),
                org.assertj.core.groups.Tuple.tuple("network.kind", "unknown-network"),
                org.assertj.core.groups.Tuple.tuple("contact.phone", "bad-phone"),
                org.assertj.core.groups.Tuple.tuple("contact.email", "bad-email"),
                org.assertj.core.groups.Tuple.tuple("roomSystems[0].address", "bad-sip-uri"),
                org.assertj.core.groups.Tuple.tuple("roomSystems[0].maxResolution", "bad-resolution"));
        assertThat(r.violations()).allSatisfy(v -> {
            assertThat(v.text().vi()).isNotBlank();
            assertThat(v.text().en()).isNotBlank();
        });
    }

    @Test
    void sipUrisFollowRfc3261Shape() {
        assertThat(SiteValidator.SIP_URI.matcher("sip:phonghop@btp.demo.hoinghi.vn").matches()).isTrue();
        assertThat(SiteValidator.SIP_URI.matcher("sips:+842438270000@10.0.0.5:5061;transport=tls").matches()).isTrue();
        assertThat(SiteValidator.SIP_URI.matcher("sip:@host").matches()).isFalse();
        assertThat(SiteValidator.SIP_URI.matcher("http://host").matches()).isFalse();
        assertThat(SiteValidator.SIP_URI.matcher("sip:room@host with space").matches()).isFalse();
    }

    @Test
    void aSiteCannotBeItsOwnParent() {
        var r = SiteValidator.validate(input("STP-THU", "stp-thu", List.of()), 1);
        assertThat(r.violations()).extracting(Violation::reason).containsExactly("self-parent");
    }
}
