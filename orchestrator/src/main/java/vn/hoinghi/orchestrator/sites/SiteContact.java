package vn.hoinghi.orchestrator.sites;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One person or office to reach at a site: {@code role} in the unit's own words ("Chánh Văn phòng", "Kỹ thuật").
 * The first contact of a site's list is its primary contact, the {@code contact} of the site resource.
 */
@Serdeable
public record SiteContact(String name, String role, String phone, String email) {
}
