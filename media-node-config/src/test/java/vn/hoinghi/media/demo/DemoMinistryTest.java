package vn.hoinghi.media.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.FleetSizer;
import vn.hoinghi.media.capacity.MeetingDemand;
import vn.hoinghi.media.capacity.NodeKind;
import vn.hoinghi.media.capacity.RegionFleet;

class DemoMinistryTest {
    private final DemoMinistry ministry = DemoMinistry.bundled();

    @Test
    void bundledDataHasThirtyFourProvincesSplitFifteenElevenEight() {
        Map<String, Long> byRegion = ministry.provinces().stream()
                .collect(Collectors.groupingBy(Province::region, Collectors.counting()));
        assertThat(byRegion).containsEntry("North", 15L).containsEntry("Central", 11L).containsEntry("South", 8L);
        assertThat(ministry.provinces().stream().mapToInt(Province::constituents).sum()).isEqualTo(63);
    }

    @Test
    void aboutFourHundredFiftySitesAndEveryRegionalOfficeIsPlaced() {
        assertThat(ministry.totalSites()).isBetween(440, 460);
        int offices = ministry.provinces().stream().mapToInt(p -> ministry.regionalOffices(p.code())).sum();
        assertThat(offices).isEqualTo(355);
    }

    @Test
    void allHandsPlusProvincialMeetingsFitTheSizedFleet() {
        List<MeetingDemand> meetings = ministry.allHandsPlusProvincialMeetings();
        CapacityModel m = CapacityModel.defaults();
        List<RegionFleet> fleet = new FleetSizer(m).size(meetings);

        assertThat(meetings).hasSize(35);
        assertThat(meetings.get(0).totalSites()).isEqualTo(ministry.totalSites());
        assertThat(fleet).extracting(RegionFleet::region).containsExactly("North", "Central", "South");
        for (RegionFleet r : fleet) {
            // The sized fleet offers at least the demand it was sized for, in every resource.
            assertThat(r.offered(m).pps()).isGreaterThanOrEqualTo(r.demand().pps());
            assertThat(r.offered(m).visitorSlots()).isGreaterThanOrEqualTo(r.demand().visitorSlots());
            assertThat(r.offered(m).videoGateways()).isGreaterThanOrEqualTo(r.demand().videoGateways());
            assertThat(r.offered(m).audioCalls()).isGreaterThanOrEqualTo(r.demand().audioCalls());
            assertThat(r.count(NodeKind.BRIDGE)).isPositive();
        }
    }
}
