package vn.hoinghi.media.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.MeetingDemand;

class ScalingPlannerTest {
    private final ScalingPlanner planner = new ScalingPlanner(CapacityModel.defaults(), Duration.ofMinutes(15),
            Duration.ofMinutes(10));
    private static final Instant EIGHT = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void slotsRunFromPreparationToGraceAndTakeThePeakInsideEachSlot() {
        Booking big = new Booking(MeetingDemand.local("big", "North", 300, 2), EIGHT, EIGHT.plusSeconds(3600));
        // Starts mid-slot at 08:50: the 08:45 slot must already count it.
        Booking late = new Booking(MeetingDemand.local("late", "North", 40, 2), EIGHT.plusSeconds(3000),
                EIGHT.plusSeconds(5400));
        List<SlotNeed> plan = planner.plan(List.of(big, late));

        assertThat(plan.get(0).slot()).isEqualTo(EIGHT.minusSeconds(900));
        // late ends 09:30 + 10 min grace → last busy slot 09:30, then one empty slot to scale down.
        assertThat(plan.get(plan.size() - 1).slot()).isEqualTo(EIGHT.plusSeconds(6300));
        assertThat(plan.get(plan.size() - 1).bridges()).isZero();
        SlotNeed at0845 = plan.stream().filter(n -> n.slot().equals(EIGHT.plusSeconds(2700))).findFirst()
                .orElseThrow();
        // late's window opens at 08:35 (15 min preparation): 08:30 already counts it, 08:15 does not.
        SlotNeed at0830 = plan.stream().filter(n -> n.slot().equals(EIGHT.plusSeconds(900))).findFirst()
                .orElseThrow();
        assertThat(at0845.peakPps()).isGreaterThan(at0830.peakPps());
        assertThat(at0830.visitorNodes()).isEqualTo(1);
        assertThat(at0830.bridges()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void backToBackMeetingsInOneSlotAreNotAddedUp() {
        MeetingDemand d = MeetingDemand.local("m", "South", 60, 2);
        ScalingPlanner noMargins = new ScalingPlanner(CapacityModel.defaults(), Duration.ZERO, Duration.ZERO);
        List<SlotNeed> one = noMargins.plan(List.of(new Booking(d, EIGHT, EIGHT.plusSeconds(600))));
        List<SlotNeed> two = noMargins.plan(List.of(new Booking(d, EIGHT, EIGHT.plusSeconds(300)),
                new Booking(d, EIGHT.plusSeconds(300), EIGHT.plusSeconds(600))));
        assertThat(two).isEqualTo(one);
    }

    @Test
    void theAutoscalerBodyFollowsJitsiAutoscalerFullScaling() {
        List<SlotNeed> plan = planner.plan(List.of(new Booking(MeetingDemand.local("m", "Central", 30, 2), EIGHT,
                EIGHT.plusSeconds(1800))));
        String json = PlanFormats.autoscaler(plan);
        assertThat(json).contains("\"instanceType\": \"jvb\"", "\"direction\": \"up\"", "\"direction\": \"down\"",
                "\"minDesired\": 2", "\"desiredCount\": 0");
    }
}
