package vn.hoinghi.orchestrator.platform.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every error the framework produces (validation, 401/403, unknown route, body too large, malformed JSON)
 * into RFC 9457 problem+json, so clients see one error format whatever failed.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<Problem.FieldError> fields = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(ProblemErrorResponseProcessor::fieldError)
                .toList();
        Text detail = fields.isEmpty() ? detailOf(context, status) : new Text(
                "Có " + fields.size() + " trường không hợp lệ: xem danh sách errors.",
                fields.size() + " field(s) are invalid: see errors.");
        Problem problem = ProblemFactory.problem(context.getRequest(), status, StatusTexts.code(status), detail, fields);
        return ProblemFactory.respond(response, context.getRequest(), problem);
    }

    private static Text detailOf(ErrorContext context, HttpStatus status) {
        Text title = StatusTexts.title(status);
        // Framework messages are English and may echo internals; only client errors are passed through.
        String message = status.getCode() < 500 ? context.getErrors().stream()
                .map(Error::getMessage).findFirst().orElse(null) : null;
        if (message == null || message.isBlank() || message.equalsIgnoreCase(status.getReason())) {
            return title;
        }
        return new Text(title.vi() + ". " + message, message);
    }

    private static Problem.FieldError fieldError(Error error) {
        String path = error.getPath().orElseThrow();
        // Validation paths look like "create.site.code": the method and argument names mean nothing to clients.
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : path;
        String message = error.getMessage();
        return new Problem.FieldError(null, field, "invalid", ValidationTexts.vietnamese(message), message);
    }
}
