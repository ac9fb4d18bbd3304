package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;

import java.time.Clock;

/** Every context of a fake-fleet test reads the same hand-moved clock. */
@Factory
@Requires(property = "test.fake-fleet", value = "true")
public class FakeClockFactory {
    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    Clock clock() {
        return FakeFleet.CLOCK;
    }
}
