package vn.hoinghi.orchestrator.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;

import java.util.Map;

/**
 * A blocking client that logs in like a browser (cookie from /login) and returns responses whatever their
 * status, so tests assert on 4xx bodies instead of catching exceptions.
 */
public final class Api {
    private final BlockingHttpClient http;
    private final String token;

    private Api(BlockingHttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    public static Api anonymous(BlockingHttpClient http) {
        return new Api(http, null);
    }

    public static Api login(BlockingHttpClient http, String username, String password) {
        HttpResponse<?> r = http.exchange(HttpRequest.POST("/login",
                Map.of("username", username, "password", password)));
        Cookie jwt = r.getCookie("JWT").orElseThrow(() -> new AssertionError("no JWT cookie for " + username));
        return new Api(http, jwt.getValue());
    }

    public String token() {
        return token;
    }

    public <T> HttpResponse<T> send(MutableHttpRequest<?> request, Class<T> body) {
        return send(request, Argument.of(body));
    }

    public <T> HttpResponse<T> send(MutableHttpRequest<?> request, Argument<T> body) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            return http.exchange(request, body, Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<T> response = (HttpResponse<T>) e.getResponse();
            return response;
        }
    }

    /** The response body as text, whatever the status (error bodies included). */
    public HttpResponse<String> text(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            return http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""))
                    .headers(h -> e.getResponse().getHeaders().forEach((k, vs) -> vs.forEach(v -> h.add(k, v))));
        }
    }
}
