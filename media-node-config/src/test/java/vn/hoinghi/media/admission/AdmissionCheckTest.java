package vn.hoinghi.media.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.FleetSizer;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.media.capacity.MeetingDemand;
import vn.hoinghi.media.capacity.RegionFleet;

class AdmissionCheckTest {
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private final AdmissionCheck check = new AdmissionCheck(Clock.fixed(T0.minusSeconds(86_400), ZoneOffset.UTC));
    private final Load capacity = new Load(80_000, 500, 2, 10);

    private static Reservation r(String id, int fromMin, int toMin, Load l) {
        return new Reservation(id, T0.plusSeconds(fromMin * 60L), T0.plusSeconds(toMin * 60L), l);
    }

    @Test
    void overlappingBookingsAddUpAndTheRefusalNamesShortfallAndWindow() {
        List<Reservation> held = List.of(r("a", 0, 120, new Load(50_000, 0, 1, 0)),
                r("b", 60, 180, new Load(20_000, 400, 1, 0)));
        AdmissionDecision d = check.check("North", capacity, held, r("c", 90, 150, new Load(15_000, 200, 1, 0)));

        assertThat(d).isInstanceOf(AdmissionDecision.DoesNotFit.class);
        assertThat(d.explain()).isEqualTo("does not fit in North: "
                + "short by 5,000 pps between 2026-12-01T02:30:00Z and 2026-12-01T03:00:00Z; "
                + "short by 100 visitor slots between 2026-12-01T02:30:00Z and 2026-12-01T03:30:00Z; "
                + "short by 1 video gateways (Jibri SIP) between 2026-12-01T02:30:00Z and 2026-12-01T03:00:00Z");
    }

    @Test
    void backToBackBookingsDoNotOverlap() {
        List<Reservation> held = List.of(r("a", 0, 60, new Load(80_000, 500, 2, 10)));
        AdmissionDecision d = check.check("North", capacity, held, r("b", 60, 120, new Load(80_000, 500, 2, 10)));
        assertThat(d.fits()).isTrue();
        assertThat(((AdmissionDecision.Fits) d).peak()).isEqualTo(new Load(80_000, 500, 2, 10));
    }

    @Test
    void theMeetingWindowIncludesPreparationAndGrace() {
        Reservation w = Reservation.forMeeting("m", T0, T0.plusSeconds(3600), Duration.ofMinutes(15),
                Duration.ofMinutes(10), Load.ZERO);
        assertThat(w.from()).isEqualTo(T0.minusSeconds(900));
        assertThat(w.to()).isEqualTo(T0.plusSeconds(4200));
    }

    @Test
    void thePastPartOfAWindowIsNotCheckedAndAWindowWhollyPastIsRefused() {
        AdmissionCheck atT0 = new AdmissionCheck(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
        List<Reservation> held = List.of(r("old", 0, 60, new Load(80_000, 0, 0, 0)));
        assertThat(atT0.check("North", capacity, held, r("late", 30, 90, new Load(10_000, 0, 0, 0))).fits())
                .isTrue();
        assertThatThrownBy(() -> atT0.check("North", capacity, held, r("gone", 0, 30, Load.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now");
    }

    @Test
    void anOverloadedRegionReportsItsShortfallAndWhy() {
        CapacityModel m = CapacityModel.defaults();
        RegionFleet small = RegionFleet.ofCounts("Central", 2, 0, 0, 0);
        // A 300-site meeting: 50 in the main room, 250 visitors, so it needs bridges and visitor nodes.
        RegionFleet needed = new FleetSizer(m).size(List.of(MeetingDemand.local("congress", "Central", 300, 2)))
                .get(0);
        AdmissionDecision d = check.check("Central", small.offered(m), List.of(),
                r("congress", 0, 120, needed.demand()));

        assertThat(d.fits()).isFalse();
        assertThat(d.explain()).startsWith("does not fit in Central: short by ")
                .contains(" pps between 2026-12-01T01:00:00Z and 2026-12-01T03:00:00Z")
                .contains("short by 250 visitor slots");
        long ppsShort = ((AdmissionDecision.DoesNotFit) d).shortfalls().get(0).amount();
        assertThat(ppsShort).isEqualTo(needed.demand().pps() - 80_000);
    }
}
