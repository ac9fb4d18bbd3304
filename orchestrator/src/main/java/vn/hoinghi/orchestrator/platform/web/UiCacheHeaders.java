package vn.hoinghi.orchestrator.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.regex.Pattern;

/**
 * Cache headers for the scheduler UI. Vite names its bundles {@code /assets/<name>-<hash>.js|css}: a new build
 * gets new names, so those files never change and a browser on a unit's slow link may keep them for a year.
 * {@code index.html} (and {@code /}) names the current bundles, so it is revalidated on every load.
 */
@ServerFilter({"/", "/index.html", "/assets/**"})
public class UiCacheHeaders {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    // Vite's default: [name]-[hash].[ext] with an 8-character base64url hash.
    private static final Pattern HASHED = Pattern.compile("^/assets/[^/]+-[A-Za-z0-9_-]{8,}\\.(js|css)$");

    @ResponseFilter
    public void cacheHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.status() != HttpStatus.OK) {
            return;
        }
        String path = request.getPath();
        if (HASHED.matcher(path).matches()) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        } else if (path.equals("/") || path.equals("/index.html")) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        }
    }
}
