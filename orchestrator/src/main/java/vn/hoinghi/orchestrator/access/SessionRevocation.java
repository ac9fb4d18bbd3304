package vn.hoinghi.orchestrator.access;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LogoutEvent;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logout that really ends a session: Micronaut's {@code POST /logout} only expires the browser's cookie, so a copied
 * login token would stay valid for its whole lifetime (8 h). Logging out records the instant on the user, and every
 * login token issued before it, or of a disabled or deleted account, is refused from then on. The floor is cached
 * per user for a few seconds so that a request costs no query; this process's own logouts update it at once.
 */
@Singleton
public class SessionRevocation implements GenericJwtClaimsValidator<HttpRequest<?>>,
        ApplicationEventListener<LogoutEvent> {
    private static final Duration CACHE = Duration.ofSeconds(10);

    private final UserStore users;
    private final Clock clock;
    private final Map<String, Cached> floors = new ConcurrentHashMap<>();

    public SessionRevocation(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Instant issued = instant(claims.get(Claims.ISSUED_AT));
        if (subject == null || issued == null) {
            return false; // our tokens always carry both; one without is not ours
        }
        return floor(subject.toString()).map(f -> f.honours(issued)).orElse(false);
    }

    @Override
    public void onApplicationEvent(LogoutEvent event) {
        if (event.getSource() instanceof Authentication who) {
            Instant now = clock.instant();
            users.endSessions(who.getName(), now);
            floors.remove(who.getName());
        }
    }

    private Optional<SessionFloor> floor(String username) {
        Instant now = clock.instant();
        Cached cached = floors.get(username);
        if (cached == null || cached.loadedAt.plus(CACHE).isBefore(now)) {
            cached = new Cached(users.sessionFloor(username), now);
            floors.put(username, cached);
        }
        return cached.floor;
    }

    private static Instant instant(Object claim) {
        if (claim instanceof Date d) {
            return d.toInstant();
        }
        if (claim instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        return claim instanceof Instant i ? i : null;
    }

    private record Cached(Optional<SessionFloor> floor, Instant loadedAt) {
    }
}
