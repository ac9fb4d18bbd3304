package vn.hoinghi.orchestrator.access;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enumerates every route the application serves and calls each without credentials: all must answer 401,
 * except the few that are public on purpose. A new endpoint without {@code @Secured} fails this test.
 */
@MicronautTest(transactional = false)
class RouteSecurityTest extends DatabaseTest {
    /**
     * Public on purpose: login/logout, liveness for load balancers, Prometheus scraping, the API description, and
     * calendar feeds and join links (the unguessable token in the URL is their credential; unknown tokens get 404),
     * and Prosody's reservations API, which checks its shared secret itself (ReservationsTest: 401 without it).
     */
    private static final Set<String> PUBLIC = Set.of("POST /login", "GET /logout", "POST /logout", "GET /health",
            "GET /health/{selector}", "GET /prometheus", "GET /prometheus/{name}", "GET /openapi",
            "GET /feeds/{token}.ics", "GET /j/{token}", "POST /reservations/conference");

    @Inject
    Router router;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void everyRouteButTheListedPublicOnesRequiresLogin() {
        List<String> checked = new ArrayList<>();
        List<String> open = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            UriRouteInfo<?, ?> info = route;
            String template = info.getUriMatchTemplate().toString();
            // HEAD is answered by the GET route, so it is as public as its GET twin.
            String method = info.getHttpMethod() == HttpMethod.HEAD ? "GET" : info.getHttpMethod().name();
            String key = method + " " + template;
            if (PUBLIC.contains(key) || PUBLIC.contains(key.replaceAll("\\{[^}]*}", "{selector}"))) {
                return;
            }
            String path = template.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{[^}]*}", "X");
            MutableHttpRequest<?> request = HttpRequest.create(info.getHttpMethod(), path);
            if (info.getHttpMethod() == HttpMethod.POST || info.getHttpMethod() == HttpMethod.PUT) {
                request.body("{}").contentType(io.micronaut.http.MediaType.APPLICATION_JSON);
            }
            HttpStatus status = Api.anonymous(client.toBlocking()).text(request).status();
            checked.add(key);
            if (status != HttpStatus.UNAUTHORIZED) {
                open.add(key + " -> " + status.getCode());
            }
        });
        assertThat(checked).as("routes found").hasSizeGreaterThanOrEqualTo(9)
                .contains("GET /api/v1/sites", "POST /api/v1/sites/import", "GET /api/v1/audit/verify");
        assertThat(open).as("routes answering without login").isEmpty();
    }

    @Test
    void everyControllerMethodDeclaresItsRoles() {
        List<String> undeclared = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            var method = route.getTargetMethod();
            if (!method.hasAnnotation(io.micronaut.security.annotation.Secured.class)
                    && method.getDeclaringType().getPackageName().startsWith("vn.hoinghi")) {
                undeclared.add(route.getHttpMethod() + " " + route.getUriMatchTemplate());
            }
        });
        assertThat(undeclared).isEmpty();
    }
}
