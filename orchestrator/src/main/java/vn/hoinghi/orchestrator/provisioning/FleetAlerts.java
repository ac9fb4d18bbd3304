package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStore;

/**
 * A lost media node is an operator alert ({@code GET /api/v1/alerts}), beside the LOST state in the fleet API:
 * an operator has to look at the machine, and should know how much was on it. A lost bridge is CRITICAL (Jicofo
 * moves its conferences, participants see them stall and reconnect); a lost gateway is a WARNING (the calls it
 * carried dropped, new ones go elsewhere). A bridge that carried conferences also flags each LIVE meeting that
 * could have been on it (a WARNING with the meeting's id): HoiNghi does not know which bridge Jicofo chose, so
 * "could" means a meeting with a site in the bridge's region, or every live meeting for a bridge without one.
 */
@Singleton
public class FleetAlerts implements FleetEvents {
    private final ProvisioningStore store;
    private final MeetingStore meetings;

    public FleetAlerts(ProvisioningStore store, MeetingStore meetings) {
        this.store = store;
        this.meetings = meetings;
    }

    @Override
    @Transactional
    public void lost(MediaNode node, String why) {
        String name = node.kind() + " " + node.id() + (node.region() == null ? "" : " (" + node.region() + ")");
        store.alert(null, null, node.kind() == MediaNode.Kind.JVB ? "CRITICAL" : "WARNING",
                "Mất nút " + name + ", lúc đó có " + node.conferences() + " cuộc họp, " + node.participants()
                        + " người / " + name + " LOST with " + node.conferences() + " conferences, "
                        + node.participants() + " participants: " + why);
        if (node.kind() != MediaNode.Kind.JVB || node.conferences() == 0) {
            return;
        }
        for (long id : store.live()) {
            Meeting m = meetings.find(id).orElse(null);
            if (m != null && (node.region() == null || m.invites().stream()
                    .anyMatch(i -> node.region().equalsIgnoreCase(i.region())))) {
                store.alert(id, null, "WARNING", "Cuộc họp có thể đang dùng cầu " + name + " vừa bị mất: người dự"
                        + " sẽ bị ngắt và nối lại qua cầu khác / this meeting may have been on " + name
                        + ", lost (" + why + "): its participants reconnect through another bridge");
            }
        }
    }
}
