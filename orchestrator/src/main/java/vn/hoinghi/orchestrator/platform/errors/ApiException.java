package vn.hoinghi.orchestrator.platform.errors;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A refusal the client can act on. Carries a stable code (the last segment of the problem {@code type}), the
 * HTTP status, a two-language message and optional field errors. Domains build these from their own catalogue.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final Text message;
    private final List<Problem.FieldError> errors;

    public ApiException(HttpStatus status, String code, Text message, List<Problem.FieldError> errors) {
        super(code + ": " + message.en());
        this.status = status;
        this.code = code;
        this.message = message;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String code, Text message) {
        this(status, code, message, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Text text() {
        return message;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
