package vn.hoinghi.orchestrator.reports;

import java.util.Comparator;
import java.util.List;

/** Folds a site's per-minute samples into the figures a report and a record show. */
public final class QualitySummary {
    /** The collector's grade boundaries (monitoring/collector README, "Quality"). */
    public static final double GOOD = 4.0;
    public static final double FAIR = 3.6;
    public static final double POOR = 3.1;
    /** A site had poor quality in a meeting when at least this share of its measured minutes was below fair. */
    public static final double POOR_SHARE = 0.2;
    private static final int WORST = 3;

    private QualitySummary() {
    }

    public static MeetingFacts.Quality of(List<QualitySource.Sample> minutes) {
        if (minutes == null || minutes.isEmpty()) {
            return null;
        }
        int good = 0, fair = 0, poor = 0, bad = 0;
        double mos = 0, min = Double.MAX_VALUE, loss = 0, rtt = 0, jitter = 0, kbps = 0;
        int kbpsCount = 0;
        for (QualitySource.Sample s : minutes) {
            if (s.mos() >= GOOD) {
                good++;
            } else if (s.mos() >= FAIR) {
                fair++;
            } else if (s.mos() >= POOR) {
                poor++;
            } else {
                bad++;
            }
            mos += s.mos();
            min = Math.min(min, s.mos());
            loss += s.lossPct();
            rtt += s.rttMs();
            jitter += s.jitterMs();
            if (s.recvKbps() != null) {
                kbps += s.recvKbps();
                kbpsCount++;
            }
        }
        int n = minutes.size();
        List<MeetingFacts.Minute> worst = minutes.stream()
                .sorted(Comparator.comparingDouble(QualitySource.Sample::mos).thenComparing(QualitySource.Sample::at))
                .limit(WORST)
                .map(s -> new MeetingFacts.Minute(s.at().toString(), round(s.mos()), round(s.lossPct()),
                        round(s.rttMs())))
                .toList();
        return new MeetingFacts.Quality(n, round(mos / n), round(min), good, fair, poor, bad, worst,
                round(loss / n), round(rtt / n), round(jitter / n), kbpsCount == 0 ? null : round(kbps / kbpsCount));
    }

    /** Poor quality for the whole meeting: a fifth of the minutes or more below fair. */
    public static boolean poor(MeetingFacts.Quality q) {
        return q != null && q.minutes() > 0 && (q.poor() + q.bad()) >= POOR_SHARE * q.minutes();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
