package vn.hoinghi.orchestrator.access;

/** A person who logs in. {@code siteCode} is set exactly for unit operators: the root of what they may change. */
public record AppUser(String username, String displayName, String passwordHash, String role, String siteCode,
                      boolean enabled) {
}
