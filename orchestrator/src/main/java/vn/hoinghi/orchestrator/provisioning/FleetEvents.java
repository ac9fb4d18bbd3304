package vn.hoinghi.orchestrator.provisioning;

/**
 * What the fleet watch ({@code provisioning.xmpp}) reports beyond the registry's state. Called from the watch's own
 * threads, once per change; implementations persist and return.
 */
public interface FleetEvents {
    /** A node went LOST: a bridge silent for the configured number of stats intervals, or a member that left. */
    void lost(MediaNode node, String why);
}
