package vn.hoinghi.orchestrator.platform.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Label values HoiNghi's own metrics may carry. Each is a small closed set, so /prometheus keeps the same size
 * however many meetings, sites or nodes there are; meeting and site ids never become labels. Regions are written
 * in lower case, as the telemetry collector writes them, so one dashboard variable filters both processes.
 */
public final class MetricLabels {
    /** The three regions, plus {@code unknown} for a node that reports none (Jibri) or one outside the set. */
    public static final List<String> REGIONS = List.of("north", "central", "south", "unknown");

    private MetricLabels() {
    }

    public static String region(String raw) {
        if (raw == null) {
            return "unknown";
        }
        String r = raw.trim().toLowerCase(Locale.ROOT);
        return REGIONS.contains(r) ? r : "unknown";
    }

    /** An enum constant as a label value: {@code JIBRI_SIP} → {@code jibri_sip}. */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
