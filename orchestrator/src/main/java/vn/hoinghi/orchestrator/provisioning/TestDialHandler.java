package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.sites.RoomProtocol;
import vn.hoinghi.orchestrator.sites.Site;

import java.util.Map;

/**
 * A readiness check: open a private test room, dial each of the site's room systems into it by video, hang up,
 * leave, and store each result on the room system. Failures are results, not job failures.
 */
@Singleton
public class TestDialHandler implements JobHandler {
    private final Readiness readiness;
    private final ConferenceControl control;
    private final ProvisioningConfig config;

    public TestDialHandler(Readiness readiness, ConferenceControl control, ProvisioningConfig config) {
        this.readiness = readiness;
        this.control = control;
        this.config = config;
    }

    @Override
    public JobKind kind() {
        return JobKind.TEST_DIAL;
    }

    @Override
    public JobOutcome run(Job job) {
        Site site = readiness.site(job.siteCode());
        String room = Readiness.testRoom(site.code());
        try {
            control.prepare(new RoomSpec(room, "Kiểm tra kết nối " + site.code(), site.code(), null, false,
                    Map.of()), config.getPrepareTimeout());
        } catch (ProvisioningException e) {
            site.roomSystems().forEach(r -> readiness.record(r.address(), false, "test room: " + e.condition()));
            return JobOutcome.done();
        }
        try {
            for (Site.RoomSystem r : site.roomSystems()) {
                String target = r.protocol() == RoomProtocol.H323
                        ? "sip:" + r.address().replace("@", ".") + "@" + config.getGatewayDomain() : r.address();
                try {
                    var call = control.dialVideo(room, target, "HoiNghi test", config.getDialTimeout());
                    readiness.record(r.address(), true, "connected");
                    control.hangUp(call);
                } catch (ProvisioningException e) {
                    readiness.record(r.address(), false, e.condition() + ": " + e.getMessage());
                }
            }
        } finally {
            control.release(room);
        }
        return JobOutcome.done();
    }
}
