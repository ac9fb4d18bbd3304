package vn.hoinghi.orchestrator.fleet;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The fleet while no XMPP connection is configured ({@code hoinghi.xmpp.enabled=false}): nobody is watched, so
 * the list is empty and no node can be found. {@code @Secondary}: the brewery registry wins when XMPP is on.
 */
@Singleton
@Secondary
public class UnwatchedFleet implements FleetRegistry {
    @Override
    public List<MediaNode> nodes() {
        return List.of();
    }

    @Override
    public void setStatus(String id, MediaNode.Status status) {
        throw new NoSuchElementException(id);
    }
}
