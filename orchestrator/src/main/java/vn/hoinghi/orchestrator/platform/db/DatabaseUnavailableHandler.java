package vn.hoinghi.orchestrator.platform.db;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.platform.errors.Problem;

/**
 * Catches what no more specific handler takes. An unreachable database surfaces in several shapes (no transaction
 * could begin, no pooled connection, a statement failing on a dropped connection; some wrapped in others), so the
 * cause chain decides, not the type: 503 {@code database-unavailable} for those, the usual 500 problem otherwise.
 */
@Singleton
public class DatabaseUnavailableHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
        return DatabaseUnavailable.respond(request, e);
    }
}
