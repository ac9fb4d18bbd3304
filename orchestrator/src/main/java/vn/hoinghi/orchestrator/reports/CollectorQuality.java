package vn.hoinghi.orchestrator.reports;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a meeting's stored per-site series from the telemetry collector
 * ({@code GET {collector}/api/v1/meetings/{room}/series?from&to&step=60}) when the meeting is sealed.
 * Pulled over HTTP rather than read from schema {@code telemetry}: the collector may run on its own database, and
 * its API is the contract it keeps (the orchestrator owns no telemetry tables). The shared service key is sent as
 * {@code X-HoiNghi-Service-Key}. Unreachable, a refusal or bad JSON gives no samples and says why.
 */
@Singleton
public class CollectorQuality implements QualitySource {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorQuality.class);
    private final CollectorClient client;
    private final JsonMapper json;

    public CollectorQuality(CollectorClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Serdeable
    record Bucket(String at, String siteCode, Double mos, Double lossPct, Double rttMs, Double jitterMs,
                  Double recvKbps) {
    }

    @Override
    public Result minutes(String room, Instant from, Instant to) {
        if (!client.configured()) {
            return new Result(Map.of(), "collector-not-configured");
        }
        HttpRequest req = client.request("/api/v1/meetings/" + CollectorClient.enc(room)
                + "/series?step=60&from=" + from + "&to=" + to, "application/json", true);
        try {
            HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                return new Result(Map.of(), "collector-refused: HTTP " + resp.statusCode());
            }
            Bucket[] buckets = json.readValue(resp.body(), Bucket[].class);
            Map<String, List<Sample>> bySite = new LinkedHashMap<>();
            for (Bucket b : buckets) {
                if (b.siteCode() == null || b.mos() == null || "unknown".equals(b.siteCode())) {
                    continue;
                }
                bySite.computeIfAbsent(b.siteCode().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new Sample(b.siteCode(), Instant.parse(b.at()), b.mos(), zero(b.lossPct()),
                                zero(b.rttMs()), zero(b.jitterMs()), b.recvKbps()));
            }
            return new Result(bySite, Result.COLLECTED);
        } catch (IOException | RuntimeException e) {
            LOG.warn("collector series for {} unavailable: {}", room, e.toString());
            return new Result(Map.of(), "collector-unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Map.of(), "collector-unreachable: interrupted");
        }
    }

    private static double zero(Double v) {
        return v == null ? 0 : v;
    }
}
