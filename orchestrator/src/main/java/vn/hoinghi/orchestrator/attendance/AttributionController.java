package vn.hoinghi.orchestrator.attendance;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.sites.SiteStore;

import java.util.Locale;

/**
 * (room, endpoint id) → site, as the telemetry collector asks it (monitoring/collector README, "Attribution"):
 * the occupant's site comes from its JWT-verified identity seen in the MUC, never from what the browser claims.
 */
@Controller("/api/v1/attribution")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AttributionController {
    private final AttendanceStore attendance;
    private final SiteStore sites;

    public AttributionController(AttendanceStore attendance, SiteStore sites) {
        this.attendance = attendance;
        this.sites = sites;
    }

    /** Region and kind in lower case: the collector's closed label vocabulary. */
    @Serdeable
    public record Attribution(String siteCode, String region, String kind) {
    }

    @Get("/{room}/{endpointId}")
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    @Transactional(readOnly = true)
    public Attribution attribute(@PathVariable String room, @PathVariable String endpointId) {
        long meeting = RoomNames.meetingOf(room.contains("@") ? room.substring(0, room.indexOf('@')) : room);
        String code = meeting > 0 ? attendance.siteOf(meeting, endpointId) : null;
        var site = code == null ? null : sites.find(code).orElse(null);
        if (site == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown-endpoint", new Text(
                    "Không rõ đơn vị của người tham gia này", "No verified site for this participant"));
        }
        return new Attribution(site.code(), site.region().name().toLowerCase(Locale.ROOT),
                site.kind().name().toLowerCase(Locale.ROOT));
    }
}
