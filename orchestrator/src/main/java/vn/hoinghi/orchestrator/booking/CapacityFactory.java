package vn.hoinghi.orchestrator.booking;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.media.capacity.RegionFleet;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wires the framework-free capacity model to configuration. */
@Factory
public class CapacityFactory {
    /** What each region's fleet offers to admission, by region name. */
    public record Offered(Map<String, Load> byRegion) {
        public Load of(String region) {
            return byRegion.getOrDefault(region, Load.ZERO);
        }
    }

    @Singleton
    MeetingCapacity meetingCapacity(BookingConfig config, Clock clock) {
        return new MeetingCapacity(CapacityModel.defaults(), clock, config.getPrepare(), config.getGrace());
    }

    @Singleton
    Offered offered(List<RegionFleetConfig> fleets, MeetingCapacity capacity) {
        Map<String, Load> byRegion = new HashMap<>();
        for (RegionFleetConfig f : fleets) {
            byRegion.put(f.getRegion().toUpperCase(Locale.ROOT), RegionFleet.ofCounts(f.getRegion(), f.getBridges(),
                    f.getVisitorNodes(), f.getJibriSip(), f.getJigasi()).offered(capacity.model()));
        }
        return new Offered(Map.copyOf(byRegion));
    }
}
