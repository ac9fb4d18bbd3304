package vn.hoinghi.orchestrator.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality over time as the charts draw it: the collector's per-site buckets grouped by site, plus one line for the
 * whole meeting. The meeting's MOS, loss and RTT are the means over its sites weighted by their sample windows (a
 * site with one browser weighs less than a hall with twenty); its bitrate is the sum, what the bridges carried.
 */
@Serdeable
public record QualitySeries(int step, String from, String to, List<Point> meeting, Map<String, List<Point>> sites) {

    /** One bucket of the collector's {@code /series}, as it sends it. */
    @Serdeable
    public record Bucket(String at, @Nullable String siteCode, @Nullable Double mos, @Nullable Double lossPct,
                         @Nullable Double rttMs, @Nullable Double jitterMs, @Nullable Double recvKbps,
                         @Nullable Long windows) {
    }

    /** One step of a line; a value the collector did not have is null (the chart leaves a gap). */
    @Serdeable
    public record Point(String at, @Nullable Double mos, @Nullable Double kbps, @Nullable Double lossPct,
                        @Nullable Double rttMs) {
    }

    public static QualitySeries of(int step, String from, String to, List<Bucket> buckets) {
        Map<String, List<Point>> sites = new TreeMap<>();
        Map<String, List<Bucket>> byTime = new TreeMap<>();
        for (Bucket b : buckets) {
            // Samples of a browser whose site is not known yet count for the meeting, not for a site line.
            if (b.siteCode() != null && !"unknown".equals(b.siteCode())) {
                sites.computeIfAbsent(b.siteCode().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new Point(b.at(), b.mos(), b.recvKbps(), b.lossPct(), b.rttMs()));
            }
            byTime.computeIfAbsent(b.at(), k -> new ArrayList<>()).add(b);
        }
        List<Point> meeting = byTime.entrySet().stream().map(e -> meetingPoint(e.getKey(), e.getValue())).toList();
        return new QualitySeries(step, from, to, meeting, sites);
    }

    private static Point meetingPoint(String at, List<Bucket> same) {
        return new Point(at, weighted(same, Bucket::mos), sum(same), weighted(same, Bucket::lossPct),
                weighted(same, Bucket::rttMs));
    }

    private static Double weighted(List<Bucket> buckets, java.util.function.Function<Bucket, Double> value) {
        double total = 0;
        double weight = 0;
        for (Bucket b : buckets) {
            Double v = value.apply(b);
            if (v != null) {
                double w = b.windows() == null || b.windows() < 1 ? 1 : b.windows();
                total += v * w;
                weight += w;
            }
        }
        return weight == 0 ? null : Math.round(total / weight * 100) / 100.0;
    }

    private static Double sum(List<Bucket> buckets) {
        List<Double> known = buckets.stream().map(Bucket::recvKbps).filter(v -> v != null).toList();
        return known.isEmpty() ? null : Math.round(known.stream().mapToDouble(Double::doubleValue).sum() * 100) / 100.0;
    }
}
