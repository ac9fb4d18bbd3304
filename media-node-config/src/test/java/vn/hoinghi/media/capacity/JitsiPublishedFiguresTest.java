package vn.hoinghi.media.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model against the figures Jitsi publishes (DESIGN.md §4); the README cites each source. */
class JitsiPublishedFiguresTest {
    private final CapacityModel m = CapacityModel.defaults();

    @Test
    void jvbExampleHundredParticipantsLastN20TwoSpeakersIsAbout2300PpsPerReceiver() {
        // 100 participants see 99 senders, last-N 20 forwards 20 of them: 1 on stage, 19 thumbnails, 2 audio.
        int forwarded = Math.min(20, 100 - 1);
        assertThat(PacketRates.receiverPps(m, forwarded, 2, VideoLayer.HD)).isEqualTo(2_300);
    }

    @Test
    void aBridgeIsPlannedAtStressPointEightOfFiftyThousandPps() {
        assertThat(m.plannedPpsPerBridge()).isEqualTo(40_000);
    }

    @Test
    void lastNFollowsJitsiMeetLastNLimits() {
        assertThat(m.lastNFor(10)).isEqualTo(-1);
        assertThat(m.lastNFor(20)).isEqualTo(20);
        assertThat(m.lastNFor(35)).isEqualTo(15);
        assertThat(m.lastNFor(60)).isEqualTo(10);
        assertThat(m.lastNFor(4_000)).isEqualTo(2);
    }

    @Test
    void aFourThousandSiteAllHandsKeepsEveryVisitorNodeUnderFiveHundred() {
        Map<String, Integer> sites = new LinkedHashMap<>();
        sites.put("North", 1_800);
        sites.put("Central", 1_300);
        sites.put("South", 900);
        MeetingDemand allHands = new MeetingDemand("all-hands", "North", sites, 2, 0, 0, VideoLayer.HD, 0);

        MeetingFootprint f = new MeetingSizer(m).size(allHands);
        List<RegionFleet> fleet = new FleetSizer(m).size(List.of(allHands));

        assertThat(f.interactive()).isEqualTo(50);
        assertThat(f.visitors()).isEqualTo(3_950);
        int nodes = 0;
        for (RegionFleet r : fleet) {
            int n = r.count(NodeKind.VISITOR_NODE);
            nodes += n;
            assertThat(r.demand().visitorSlots()).isLessThanOrEqualTo((long) n * 500);
        }
        assertThat(nodes).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aMainRoomNeverHoldsMoreThanFiftyAndNoBridgeMoreThanEightyOfOneConference() {
        MeetingDemand big = MeetingDemand.local("big", "North", 450, 2);
        MeetingFootprint f = new MeetingSizer(m).size(big);
        RegionShare s = f.shares().get(0);
        assertThat(f.interactive()).isEqualTo(50);
        assertThat(s.sites()).isLessThanOrEqualTo(s.bridges() * 80);
        assertThat(s.load().pps()).isLessThanOrEqualTo(s.bridges() * 40_000L);
    }

    @Test
    void aWeakNetworkGetsTheLowDefinitionLayer() {
        assertThat(VideoLayer.forDownlink(m, 3_400, 9, 2)).isEqualTo(VideoLayer.HD);
        assertThat(VideoLayer.forDownlink(m, 2_500, 9, 2)).isEqualTo(VideoLayer.SD);
        assertThat(VideoLayer.forDownlink(m, 512, 1, 2)).isEqualTo(VideoLayer.LD);
    }
}
