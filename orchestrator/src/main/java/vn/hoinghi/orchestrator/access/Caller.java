package vn.hoinghi.orchestrator.access;

import io.micronaut.security.authentication.Authentication;

/** Who is making a request: the name recorded in the audit log, the role, and a unit operator's site. */
public record Caller(String username, String role, String siteCode) {
    public static final Caller SYSTEM = new Caller("system", Roles.ADMIN, null);

    public static Caller of(Authentication auth) {
        String role = auth.getRoles().stream().findFirst().orElse(Roles.OBSERVER);
        Object site = auth.getAttributes().get(CredentialsAuthenticationProvider.SITE_CLAIM);
        return new Caller(auth.getName(), role, site == null ? null : site.toString());
    }

    public boolean isUnitOperator() {
        return Roles.UNIT_OPERATOR.equals(role);
    }
}
