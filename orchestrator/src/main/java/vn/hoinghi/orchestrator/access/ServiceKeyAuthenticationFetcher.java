package vn.hoinghi.orchestrator.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Machine-to-machine access for HoiNghi's own services (the telemetry collector): a request carrying
 * {@code X-HoiNghi-Service-Key} equal to {@code hoinghi.service-keys.collector} acts as "service:collector" with
 * the OPERATOR role. No key configured: nobody gets in this way.
 */
@Singleton
public class ServiceKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    public static final String HEADER = "X-HoiNghi-Service-Key";
    private final byte[] collectorKey;

    public ServiceKeyAuthenticationFetcher(@Value("${hoinghi.service-keys.collector:}") String collectorKey) {
        this.collectorKey = collectorKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String presented = request.getHeaders().get(HEADER);
        // Short keys are refused outright: a guessable service key would be an open door.
        if (presented == null || collectorKey.length < 24
                || !MessageDigest.isEqual(collectorKey, presented.getBytes(StandardCharsets.UTF_8))) {
            return Mono.empty();
        }
        return Mono.just(Authentication.build("service:collector", List.of(Roles.OPERATOR),
                Map.of("name", "HoiNghi telemetry collector")));
    }
}
