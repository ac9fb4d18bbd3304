package vn.hoinghi.orchestrator.demo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.access.UserStore;
import vn.hoinghi.orchestrator.sites.SiteStore;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Probe;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo starts even when its sample bookings are refused, as happens when a JVB is seen in its brewery before
 * they are written (the offered capacity is then that one bridge): here no bridge is configured anywhere. The
 * refusals once shared the loader's transaction, so the startup died with UnexpectedRollbackException.
 */
@MicronautTest(transactional = false)
class DemoRefusedBookingTest extends DatabaseTest {
    @Inject
    SiteStore sites;
    @Inject
    UserStore users;
    @Inject
    Probe probe;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(Map.of("hoinghi.demo.enabled", "true"));
        for (String region : new String[] {"NORTH", "CENTRAL", "SOUTH"}) {
            p.put("hoinghi.fleet." + region + ".bridges", "0");
            p.put("hoinghi.fleet." + region + ".visitor-nodes", "0");
        }
        return p;
    }

    @Test
    void theDirectoryAndUsersAreLoadedThoughTheSampleBookingsAreRefused() {
        assertThat(probe.read(() -> sites.find("STP-HNI"))).isPresent();
        assertThat(probe.read(() -> users.find("vanhanh"))).isPresent();
    }
}
