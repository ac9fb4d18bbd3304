package vn.hoinghi.media.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.Load;

class RegionPlacementTest {
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private final RegionPlacement placement = new RegionPlacement(
            new AdmissionCheck(Clock.fixed(T0.minusSeconds(3600), ZoneOffset.UTC)));
    private final Reservation meeting = new Reservation("m", T0, T0.plusSeconds(3600), new Load(30_000, 0, 0, 0));
    private final Reservation busy = new Reservation("busy", T0, T0.plusSeconds(3600), new Load(30_000, 0, 0, 0));

    @Test
    void aFullHomeRegionSendsTheBookingToTheFirstNeighbourThatFitsAndSaysWhy() {
        Placement p = placement.place(List.of(
                new RegionOption("North", new Load(40_000, 0, 0, 0), List.of(busy)),
                new RegionOption("Central", new Load(40_000, 0, 0, 0), List.of(busy)),
                new RegionOption("South", new Load(80_000, 0, 0, 0), List.of(busy))), meeting);

        assertThat(p.region()).contains("South");
        assertThat(p.decisions()).hasSize(3);
        assertThat(p.explain()).startsWith("placed in South (does not fit in North: short by 20,000 pps")
                .contains("does not fit in Central");
    }

    @Test
    void whenNoRegionFitsEveryRefusalIsListed() {
        Placement p = placement.place(List.of(new RegionOption("North", new Load(40_000, 0, 0, 0), List.of(busy))),
                meeting);
        assertThat(p.region()).isEmpty();
        assertThat(p.explain()).isEqualTo("no region fits: does not fit in North: short by 20,000 pps between "
                + "2026-12-01T01:00:00Z and 2026-12-01T02:00:00Z");
    }

    @Test
    void theHomeRegionWinsWhenItFits() {
        Placement p = placement.place(List.of(new RegionOption("North", new Load(80_000, 0, 0, 0), List.of(busy)),
                new RegionOption("Central", new Load(80_000, 0, 0, 0), List.of())), meeting);
        assertThat(p.region()).contains("North");
        assertThat(p.explain()).isEqualTo("placed in North");
    }
}
