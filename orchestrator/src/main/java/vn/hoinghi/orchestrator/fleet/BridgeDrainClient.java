package vn.hoinghi.orchestrator.fleet;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JVB's private drain REST, as jitsi-videobridge's {@code rest/root/colibri/drain/Drain.java} serves it:
 * {@code POST /colibri/drain/enable} or {@code /disable} answers 200 with no body, 500 when the bridge could not
 * change mode. Blocking, with a short timeout: only {@link BridgeDrains}' own thread calls it.
 */
@Singleton
public class BridgeDrainClient implements AutoCloseable {
    /** Why a call did not change the bridge's drain mode, in words an operator can act on. */
    public static final class Failed extends Exception {
        Failed(String reason) {
            super(reason);
        }
    }

    private final DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public BridgeDrainClient(BridgeDrainConfig config) {
        configuration.setConnectTimeout(config.getTimeout());
        configuration.setReadTimeout(config.getTimeout());
        configuration.setRequestTimeout(config.getTimeout().multipliedBy(2));
    }

    /** Puts the bridge at {@code baseUrl} into drain mode ({@code true}) or takes it out. */
    public void drain(String baseUrl, boolean drain) throws Failed {
        String path = "/colibri/drain/" + (drain ? "enable" : "disable");
        try {
            clients.computeIfAbsent(baseUrl, this::open).toBlocking()
                    .exchange(HttpRequest.POST(path, "").contentType(MediaType.TEXT_PLAIN_TYPE));
        } catch (HttpClientResponseException e) {
            int code = e.getStatus().getCode();
            throw new Failed("POST " + path + " answered " + code
                    + (code == 404 ? " (drain REST not enabled: videobridge.rest.drain.enabled)" : ""));
        } catch (HttpClientException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Failed("POST " + path + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new Failed("bad REST URL " + baseUrl + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Whatever else the client throws is a failed call too: it is shown and retried, never lost.
            throw new Failed("POST " + path + " failed: " + e);
        }
    }

    private HttpClient open(String baseUrl) {
        try {
            URL url = URI.create(baseUrl).toURL();
            return HttpClient.create(url, configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
    }
}
