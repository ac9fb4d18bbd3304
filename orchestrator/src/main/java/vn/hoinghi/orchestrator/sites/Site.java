package vn.hoinghi.orchestrator.sites;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A validated organisational unit. {@code version} counts changes and is the ETag of the resource. */
@Serdeable
public record Site(
        String code,
        String nameVi,
        SiteKind kind,
        Region region,
        String parentCode,
        NetworkProfile network,
        Contact contact,
        List<RoomSystem> roomSystems,
        int version) {

    @Serdeable
    public record NetworkProfile(int downlinkKbps, int uplinkKbps, NetworkKind kind) {
    }

    @Serdeable
    public record Contact(String name, String phone, String email) {
        public static final Contact NONE = new Contact(null, null, null);
    }

    @Serdeable
    public record RoomSystem(String name, RoomProtocol protocol, String address, int maxResolution) {
    }

    /** Same content, ignoring the version counter: an import that changes nothing must write nothing. */
    public boolean sameContentAs(Site other) {
        return other != null && withVersion(0).equals(other.withVersion(0));
    }

    public Site withVersion(int v) {
        return new Site(code, nameVi, kind, region, parentCode, network, contact, roomSystems, v);
    }
}
