package vn.hoinghi.orchestrator.access;

import java.time.Instant;

/** What decides whether a user's login token is still honoured: the account is enabled, and it was issued after. */
public record SessionFloor(boolean enabled, Instant validAfter) {

    /** True when a token issued at {@code issuedAt} (whole seconds, as JWT has them) is still honoured. */
    public boolean honours(Instant issuedAt) {
        // JWT's iat has whole seconds: a token from the very second of the logout is still honoured, so that logging
        // in again straight away works; the one being logged out was almost always issued long before.
        return enabled && (validAfter == null || !issuedAt.isBefore(validAfter.truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)));
    }
}
