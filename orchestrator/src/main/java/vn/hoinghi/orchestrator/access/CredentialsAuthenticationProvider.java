package vn.hoinghi.orchestrator.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Username + password against the user table. Runs on the blocking pool (Argon2 and JDBC block). Unknown users
 * are hashed against a dummy too, so the response time does not tell which usernames exist.
 */
@Singleton
public class CredentialsAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    /** JWT claim holding a unit operator's site code. */
    public static final String SITE_CLAIM = "site";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsAuthenticationProvider.class);

    private final UserStore users;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public CredentialsAuthenticationProvider(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.dummyHash = hasher.hash("not-a-real-password");
    }

    @Override
    public String getExecutorName() {
        return TaskExecutors.BLOCKING;
    }

    @Override
    @Transactional(readOnly = true)
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity() == null ? "" : credentials.getIdentity().trim();
        // Usernames reach the log: keep them short and free of control characters (no forged log lines).
        String logged = username.replaceAll("\\p{Cntrl}", "?");
        logged = logged.length() > 64 ? logged.substring(0, 64) + "…" : logged;
        String password = credentials.getSecret() == null ? "" : credentials.getSecret();
        Optional<AppUser> found = users.find(username);
        boolean ok = hasher.matches(found.map(AppUser::passwordHash).orElse(dummyHash), password);
        if (found.isEmpty() || !ok) {
            LOG.info("login refused for user '{}'", logged);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        AppUser user = found.get();
        if (!user.enabled()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        Map<String, Object> claims = user.siteCode() == null
                ? Map.of("name", user.displayName())
                : Map.of("name", user.displayName(), SITE_CLAIM, user.siteCode());
        LOG.info("login of user '{}' as {}", logged, user.role());
        return AuthenticationResponse.success(user.username(), List.of(user.role()), claims);
    }
}
