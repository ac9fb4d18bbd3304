package vn.hoinghi.orchestrator.booking;

import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.orchestrator.sites.Region;

import static org.assertj.core.api.Assertions.assertThat;

/** The headroom the "capacity < 20 % in the next 2 h" alert fires on. */
class CapacityHeadroomTest {
    @Test
    void headroomIsWhatIsLeftAtThePeak() {
        var usage = new CapacityHeadroom.Usage(Region.SOUTH, new Load(400_000, 500, 30, 0),
                new Load(340_000, 0, 30, 0), 3, "fits");
        assertThat(usage.headroom(Load.Resource.PPS)).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(usage.headroom(Load.Resource.VISITOR_SLOTS)).isEqualTo(1);
        assertThat(usage.headroom(Load.Resource.VIDEO_GATEWAYS)).isZero();
        // Nothing offered and nothing needed is not a shortage.
        assertThat(usage.headroom(Load.Resource.AUDIO_CALLS)).isEqualTo(1);
    }

    @Test
    void anOverCommittedRegionHasNoHeadroom() {
        var usage = new CapacityHeadroom.Usage(Region.NORTH, new Load(400_000, 500, 30, 4), null, 9,
                "does not fit");
        assertThat(usage.headroom(Load.Resource.PPS)).isZero();
    }
}
