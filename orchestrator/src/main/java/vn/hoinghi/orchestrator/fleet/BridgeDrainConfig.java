package vn.hoinghi.orchestrator.fleet;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code hoinghi.bridge-drain.*}: how an operator's cordon reaches a JVB through its private REST
 * ({@code POST /colibri/drain/enable|disable}). Not under {@code hoinghi.fleet}, whose every key is a region.
 */
@ConfigurationProperties("hoinghi.bridge-drain")
public class BridgeDrainConfig {
    /**
     * Each bridge's private REST base URL by its brewery nick (jvb.conf {@code muc_nickname}), e.g.
     * {@code jvb-north-1: http://10.0.0.5:8080}. A bridge not listed is cordoned in HoiNghi only, and shows so.
     */
    private Map<String, String> restUrls = Map.of();
    /** Connect and answer timeout of one call: the bridge answers at once or is treated as unreachable. */
    private Duration timeout = Duration.ofSeconds(2);
    /**
     * How long after a call before the same call is sent again while the bridge's presence still disagrees:
     * three 5 s stats intervals, so the drain flag of an applied call has reached the brewery first.
     */
    private Duration retryAfter = Duration.ofSeconds(15);
    /** How often the wanted drain (from the stored operator states) is compared with what each bridge publishes. */
    private Duration reconcileInterval = Duration.ofSeconds(5);

    public Map<String, String> getRestUrls() { return restUrls; }
    public void setRestUrls(Map<String, String> v) { restUrls = v == null ? Map.of() : Map.copyOf(v); }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration v) { timeout = v; }
    public Duration getRetryAfter() { return retryAfter; }
    public void setRetryAfter(Duration v) { retryAfter = v; }
    public Duration getReconcileInterval() { return reconcileInterval; }
    public void setReconcileInterval(Duration v) { reconcileInterval = v; }
}
