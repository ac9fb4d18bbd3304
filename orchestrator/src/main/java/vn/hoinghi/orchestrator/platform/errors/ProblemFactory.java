package vn.hoinghi.orchestrator.platform.errors;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;
import java.util.Locale;

/** Builds problem documents and responses in the language the client prefers (Vietnamese by default). */
public final class ProblemFactory {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://hoinghi.vn/problems/";

    private ProblemFactory() {
    }

    public static boolean prefersEnglish(HttpRequest<?> request) {
        if (request == null) {
            return false;
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        // The first language range wins; quality weights are rare from our clients and not worth a parser.
        String first = accept.split(",")[0].trim().toLowerCase(Locale.ROOT);
        return first.startsWith("en");
    }

    public static Problem problem(HttpRequest<?> request, HttpStatus status, String code, Text detail,
                                  List<Problem.FieldError> errors) {
        boolean en = prefersEnglish(request);
        Text title = StatusTexts.title(status);
        return new Problem(TYPE_BASE + code, title.in(en), status.getCode(), detail.in(en),
                request == null ? null : request.getPath(), code, title.en(), detail.en(), errors);
    }

    public static MutableHttpResponse<Problem> respond(MutableHttpResponse<?> base, HttpRequest<?> request,
                                                       Problem problem) {
        return base.body(problem)
                .contentType(PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, prefersEnglish(request) ? "en" : "vi");
    }
}
