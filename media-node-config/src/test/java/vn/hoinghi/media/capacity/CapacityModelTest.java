package vn.hoinghi.media.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityModelTest {
    @Test
    void everyDefaultCanBeOverriddenByName() {
        CapacityModel m = CapacityModel.defaults().with(Map.of(
                "bridgeStressPps", "60_000", "overloadedStress", "0.5", "lastNLimits", "10:8, 40:4",
                "callsPerJigasi", "25"));
        assertThat(m.plannedPpsPerBridge()).isEqualTo(30_000);
        assertThat(m.lastNFor(12)).isEqualTo(8);
        assertThat(m.lastNFor(41)).isEqualTo(4);
        assertThat(m.callsPerJigasi()).isEqualTo(25);
        assertThat(m.onStagePps()).isEqualTo(300);
    }

    @Test
    void everyParameterNameRoundTrips() {
        CapacityModel d = CapacityModel.defaults();
        for (String name : CapacityModel.parameterNames()) {
            String value = name.equals("lastNLimits") ? "20:20" : name.equals("overloadedStress") ? "0.8" : "500";
            assertThat(d.with(Map.of(name, value))).as(name).isNotNull();
        }
        assertThat(CapacityModel.parameterNames()).hasSize(17);
    }

    @Test
    void unknownOrMalformedOverridesAreRefusedWithTheName() {
        assertThatThrownBy(() -> CapacityModel.defaults().with(Map.of("bridgePps", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bridgePps");
        assertThatThrownBy(() -> CapacityModel.defaults().with(Map.of("audioPps", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audioPps");
        assertThatThrownBy(() -> CapacityModel.defaults().with(Map.of("overloadedStress", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overloadedStress");
    }
}
