package vn.hoinghi.orchestrator.platform.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The one source of "now": domain code takes a {@link Clock}, tests replace this bean with a fixed one. */
@Factory
public class ClockFactory {
    /** Where meetings happen; all times are stored in UTC and shown in this zone. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
