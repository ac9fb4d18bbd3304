package vn.hoinghi.orchestrator.provisioning;

import java.util.List;

/** The live fleet, kept from brewery presence by {@code provisioning.xmpp}; feeds admission and the fleet API. */
public interface FleetRegistry {
    List<MediaNode> nodes();

    /**
     * Operator lifecycle: a CORDONED node keeps its meetings and takes no new ones.
     *
     * @throws java.util.NoSuchElementException for an unknown node
     * @throws IllegalArgumentException for LOST, which only silence can cause
     */
    void setStatus(String id, MediaNode.Status status);
}
