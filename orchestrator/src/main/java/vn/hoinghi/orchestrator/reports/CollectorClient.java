package vn.hoinghi.orchestrator.reports;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP to the telemetry collector ({@code hoinghi.collector.url}), with the shared service key sent as
 * {@code X-HoiNghi-Service-Key}: one place for the sealed records' series and the operators' live wall.
 */
@Singleton
public class CollectorClient {
    private final String baseUrl;
    private final String serviceKey;
    private final Duration timeout;
    private final HttpClient http;

    public CollectorClient(@Value("${hoinghi.collector.url:}") String baseUrl,
                           @Value("${hoinghi.service-keys.collector:}") String serviceKey,
                           @Value("${hoinghi.collector.timeout:10s}") Duration timeout) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.serviceKey = serviceKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public boolean configured() {
        return !baseUrl.isEmpty();
    }

    /** A request for {@code path} (after the base URL); {@code bounded}: it must answer within the timeout. */
    public HttpRequest request(String path, String accept, boolean bounded) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept);
        if (bounded) {
            req.timeout(timeout);
        }
        if (serviceKey != null && !serviceKey.isBlank()) {
            req.header("X-HoiNghi-Service-Key", serviceKey);
        }
        return req.build();
    }

    public <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(req, handler);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
