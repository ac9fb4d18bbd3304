package vn.hoinghi.orchestrator.platform.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the OpenAPI document that micronaut-openapi generated at compile time from the controllers. */
@Controller
public class OpenApiController {
    static final String DOCUMENT = "classpath:META-INF/swagger/hoinghi-orchestrator-api-1.yml";
    private final String yaml;

    public OpenApiController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(DOCUMENT).orElseThrow(
                () -> new IllegalStateException("OpenAPI document missing from the build: " + DOCUMENT))) {
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Public on purpose: the API's shape is no secret, and client generators fetch it unauthenticated. */
    @Get(value = "/openapi", produces = "application/yaml")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> openapi() {
        return HttpResponse.ok(yaml);
    }
}
