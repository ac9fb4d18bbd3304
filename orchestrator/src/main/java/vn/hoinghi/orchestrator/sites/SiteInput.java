package vn.hoinghi.orchestrator.sites;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A site as a client sends it (API body, CSV line or JSON import element). Everything is a string or a boxed
 * number, so that a wrong value becomes a field error naming the field rather than an unreadable body.
 */
@Serdeable
public record SiteInput(
        String code,
        String nameVi,
        String kind,
        String region,
        String parentCode,
        Network network,
        Site.Contact contact,
        List<RoomSystemInput> roomSystems) {

    @Serdeable
    public record Network(Integer downlinkKbps, Integer uplinkKbps, String kind) {
    }

    @Serdeable
    public record RoomSystemInput(String name, String protocol, String address, Integer maxResolution) {
    }

    public static SiteInput of(Site s) {
        return new SiteInput(s.code(), s.nameVi(), s.kind().name(), s.region().name(), s.parentCode(),
                new Network(s.network().downlinkKbps(), s.network().uplinkKbps(), s.network().kind().name()),
                s.contact(),
                s.roomSystems().stream().map(r -> new RoomSystemInput(r.name(), r.protocol().name(), r.address(),
                        r.maxResolution())).toList());
    }
}
