package vn.hoinghi.orchestrator.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Who is logged in, for the UI's header and for hiding what the role cannot do. Read from the JWT alone (no
 * database): the token is what every other endpoint trusts, so this shows exactly what they will see.
 */
@Controller("/api/v1/me")
public class MeController {

    /** {@code siteCode} is a unit operator's scope (its site and those below it); null for every other role. */
    @Serdeable
    public record Me(String username, String displayName, List<String> roles, @Nullable String siteCode) {
    }

    /** The logged-in user: username, display name, roles and (for a unit operator) the site it acts for. */
    @Get
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public Me me(Authentication auth) {
        Object name = auth.getAttributes().get("name");
        Caller caller = Caller.of(auth);
        return new Me(auth.getName(), name == null ? auth.getName() : name.toString(), List.copyOf(auth.getRoles()),
                caller.siteCode());
    }
}
