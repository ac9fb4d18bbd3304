package vn.hoinghi.orchestrator.booking;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;

import java.time.Clock;

/** Wires the framework-free capacity model to configuration. */
@Factory
public class CapacityFactory {
    @Singleton
    MeetingCapacity meetingCapacity(BookingConfig config, Clock clock) {
        return new MeetingCapacity(CapacityModel.defaults(), clock, config.getPrepare(), config.getGrace());
    }
}
