package vn.hoinghi.orchestrator.fleet;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;
import vn.hoinghi.orchestrator.provisioning.PersistedOperatorStates;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The live media fleet and the operator lifecycle (Scalelite's vocabulary): {@code ENABLED}, {@code CORDONED}
 * (keeps its meetings, takes no new ones), {@code DRAINING} (a cordon that turns DISABLED once the node is empty),
 * {@code DISABLED}. {@code LOST} is observed, never set. A change is stored (it survives a restart and reaches every
 * orchestrator on the database) and audited as {@code fleet.status}; for a JVB it is then carried to the bridge
 * ({@link BridgeDrains}), whose outcome each node shows as {@code drain}.
 */
@Controller("/api/v1/fleet")
public class FleetController {
    private final FleetRegistry registry;
    private final PersistedOperatorStates states;
    private final BridgeDrains drains;

    public FleetController(FleetRegistry registry, PersistedOperatorStates states, BridgeDrains drains) {
        this.registry = registry;
        this.states = states;
        this.drains = drains;
    }

    /**
     * A node as operators see it. {@code draining} is what the node publishes; {@code drain} (JVB only, null until
     * HoiNghi has acted on it) is HoiNghi's last call to the bridge's drain REST: applied, failed with the reason,
     * or no REST URL configured.
     */
    @Serdeable
    public record Node(String id, MediaNode.Kind kind, String region, MediaNode.Status status, double stress,
                       int conferences, int participants, boolean draining, boolean gracefulShutdown,
                       String version, boolean busy, Instant lastSeen, BridgeDrains.Result drain) {
    }

    private Node view(MediaNode n) {
        return new Node(n.id(), n.kind(), n.region(), n.status(), n.stress(), n.conferences(), n.participants(),
                n.draining(), n.gracefulShutdown(), n.version(), n.busy(), n.lastSeen(),
                n.kind() == MediaNode.Kind.JVB ? drains.of(n.id()).orElse(null) : null);
    }

    @Serdeable
    public record StatusChange(MediaNode.Status status) {
    }

    @Get
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.OBSERVER})
    public List<Node> list() {
        return registry.nodes().stream().map(this::view).toList();
    }

    @Post("/{id}/status")
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    public List<Node> setStatus(@PathVariable String id, @Body StatusChange change, Authentication auth) {
        if (change == null || change.status() == null || change.status() == MediaNode.Status.LOST) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "fleet-status-invalid", new Text(
                    "Trạng thái phải là ENABLED, CORDONED, DRAINING hoặc DISABLED; LOST chỉ do hệ thống ghi nhận.",
                    "Status must be ENABLED, CORDONED, DRAINING or DISABLED; LOST is only observed."));
        }
        if (registry.nodes().stream().noneMatch(n -> n.id().equals(id))) {
            throw unknown(id);
        }
        // Stored and audited first: the registry's memory follows, and other orchestrators read the row.
        states.set(auth.getName(), id, change.status());
        try {
            registry.setStatus(id, change.status());
        } catch (NoSuchElementException e) {
            throw unknown(id);
        }
        drains.requested(auth.getName(), id, change.status());
        // Every brewery entry with that id (a Jibri may sit in two breweries), as they are now.
        return registry.nodes().stream().filter(n -> n.id().equals(id)).map(this::view).toList();
    }

    private static ApiException unknown(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "fleet-node-unknown", new Text(
                "Không có nút media nào tên " + id + ".", "No media node named " + id + "."));
    }
}
