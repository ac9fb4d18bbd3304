package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;

import java.time.Clock;

/**
 * Every context of a hand-clock test reads the same hand-moved clock ({@link FakeFleet#CLOCK}): the job-runner
 * tests on the fake fleet, and the XMPP provisioning tests on a real Prosody, whose restarts must see the time
 * where the previous context left it.
 */
@Factory
@Requires(property = "test.hand-clock", value = "true")
public class FakeClockFactory {
    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    Clock clock() {
        return FakeFleet.CLOCK;
    }
}
