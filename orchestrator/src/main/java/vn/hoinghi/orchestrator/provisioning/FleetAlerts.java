package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * A lost media node is an operator alert ({@code GET /api/v1/alerts}), beside the LOST state in the fleet API:
 * an operator has to look at the machine, and should know how much was on it. A lost bridge is CRITICAL (Jicofo
 * moves its conferences, participants see them stall and reconnect); a lost gateway is a WARNING (the calls it
 * carried dropped, new ones go elsewhere). Not tied to a meeting: HoiNghi does not know which bridge Jicofo chose.
 */
@Singleton
public class FleetAlerts implements FleetEvents {
    private final ProvisioningStore store;

    public FleetAlerts(ProvisioningStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public void lost(MediaNode node, String why) {
        String name = node.kind() + " " + node.id() + (node.region() == null ? "" : " (" + node.region() + ")");
        store.alert(null, null, node.kind() == MediaNode.Kind.JVB ? "CRITICAL" : "WARNING",
                "Mất nút " + name + ", lúc đó có " + node.conferences() + " cuộc họp, " + node.participants()
                        + " người / " + name + " LOST with " + node.conferences() + " conferences, "
                        + node.participants() + " participants: " + why);
    }
}
