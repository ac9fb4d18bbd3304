package vn.hoinghi.orchestrator.platform.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Domain refusals become problem+json with their own code, status and field errors. */
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
public class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException e) {
        Problem problem = ProblemFactory.problem(request, e.status(), e.code(), e.text(), e.errors());
        return ProblemFactory.respond(HttpResponse.status(e.status()), request, problem);
    }
}
