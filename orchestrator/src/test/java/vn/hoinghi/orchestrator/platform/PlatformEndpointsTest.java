package vn.hoinghi.orchestrator.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PlatformEndpointsTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;

    private Api anonymous() {
        return Api.anonymous(client.toBlocking());
    }

    @Test
    void healthSaysUpWithoutRevealingDetailsToStrangers() {
        var r = anonymous().text(HttpRequest.GET("/health"));
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(r.body()).contains("\"status\":\"UP\"").doesNotContain("jdbc:");
    }

    @Test
    void prometheusMetricsAreExposed() {
        var r = anonymous().text(HttpRequest.GET("/prometheus"));
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(r.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void theGeneratedOpenApiDocumentDescribesTheApi() {
        var r = anonymous().text(HttpRequest.GET("/openapi"));
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(r.body()).contains("openapi: 3", "title: HoiNghi orchestrator API", "/api/v1/sites:",
                "/api/v1/sites/{code}:", "/api/v1/sites/import:", "/api/v1/audit/verify:");
    }

    @Test
    void theSchedulerUiIsServedInVietnamese() {
        var r = anonymous().text(HttpRequest.GET("/index.html"));
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(r.body()).contains("lang=\"vi\"", "Hội nghị truyền hình");
    }

    @Test
    void hashedUiAssetsAreCachedForAYearAndIndexIsRevalidated() {
        var index = anonymous().text(HttpRequest.GET("/index.html"));
        assertThat(index.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(anonymous().text(HttpRequest.GET("/")).header("Cache-Control")).isEqualTo("no-cache");
        // The bundles index.html names, as the browser would fetch them.
        var assets = java.util.regex.Pattern.compile("/assets/[^\"]+-[A-Za-z0-9_-]{8}\\.(js|css)")
                .matcher(index.body()).results().map(java.util.regex.MatchResult::group).toList();
        assertThat(assets).anyMatch(a -> a.endsWith(".js")).anyMatch(a -> a.endsWith(".css"));
        for (String asset : assets) {
            var r = anonymous().text(HttpRequest.GET(asset));
            assertThat(r.code()).as(asset).isEqualTo(HttpStatus.OK.getCode());
            assertThat(r.header("Cache-Control")).as(asset).isEqualTo("public, max-age=31536000, immutable");
        }
    }
}
