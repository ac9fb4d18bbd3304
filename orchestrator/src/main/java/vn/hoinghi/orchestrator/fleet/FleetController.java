package vn.hoinghi.orchestrator.fleet;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The live media fleet and the operator lifecycle (Scalelite's vocabulary): {@code ENABLED}, {@code CORDONED}
 * (keeps its meetings, takes no new ones), {@code DISABLED}. {@code LOST} is observed, never set.
 */
@Controller("/api/v1/fleet")
public class FleetController {
    private final FleetRegistry registry;

    public FleetController(FleetRegistry registry) {
        this.registry = registry;
    }

    @Serdeable
    public record Node(String id, MediaNode.Kind kind, String region, MediaNode.Status status, double stress,
                       int conferences, int participants, boolean draining, boolean gracefulShutdown,
                       String version, boolean busy, Instant lastSeen) {
        static Node of(MediaNode n) {
            return new Node(n.id(), n.kind(), n.region(), n.status(), n.stress(), n.conferences(), n.participants(),
                    n.draining(), n.gracefulShutdown(), n.version(), n.busy(), n.lastSeen());
        }
    }

    @Serdeable
    public record StatusChange(MediaNode.Status status) {
    }

    @Get
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.OBSERVER})
    public List<Node> list() {
        return registry.nodes().stream().map(Node::of).toList();
    }

    @Post("/{id}/status")
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    public List<Node> setStatus(@PathVariable String id, @Body StatusChange change) {
        if (change == null || change.status() == null || change.status() == MediaNode.Status.LOST) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "fleet-status-invalid", new Text(
                    "Trạng thái phải là ENABLED, CORDONED hoặc DISABLED; LOST chỉ do hệ thống ghi nhận.",
                    "Status must be ENABLED, CORDONED or DISABLED; LOST is only observed."));
        }
        try {
            registry.setStatus(id, change.status());
        } catch (NoSuchElementException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "fleet-node-unknown", new Text(
                    "Không có nút media nào tên " + id + ".", "No media node named " + id + "."));
        }
        // Every brewery entry with that id (a Jibri may sit in two breweries), as they are now.
        return registry.nodes().stream().filter(n -> n.id().equals(id)).map(Node::of).toList();
    }
}
