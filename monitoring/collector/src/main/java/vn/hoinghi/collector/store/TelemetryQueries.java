package vn.hoinghi.collector.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** Summaries and time series for reports, read from the {@code telemetry} schema. */
public final class TelemetryQueries {

  private final Pool pool;

  public TelemetryQueries(Pool pool) {
    this.pool = pool;
  }

  /** Per-site mean MOS, loss, RTT, jitter and receive bitrate of a meeting in buckets of {@code stepSeconds}. */
  public Future<JsonArray> meetingSeries(String meeting, Instant from, Instant to, int stepSeconds) {
    return pool.preparedQuery("""
        SELECT to_timestamp(floor(extract(epoch FROM at) / $4) * $4) AS bucket, site_code,
               avg(mos) AS mos, avg(recv_loss_pct) AS loss, avg(rtt_ms) AS rtt, avg(jitter_ms) AS jitter,
               avg(recv_kbps) AS recv_kbps, count(*) AS windows
          FROM telemetry.quality_sample
         WHERE meeting = $1 AND at >= $2 AND at < $3
         GROUP BY 1, 2 ORDER BY 1, 2""")
        .execute(Tuple.of(meeting, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), stepSeconds))
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            out.add(new JsonObject().put("at", r.getOffsetDateTime("bucket").toInstant().toString())
                .put("siteCode", r.getString("site_code")).put("mos", round(r.getDouble("mos")))
                .put("lossPct", round(r.getDouble("loss"))).put("rttMs", round(r.getDouble("rtt")))
                .put("jitterMs", round(r.getDouble("jitter"))).put("recvKbps", round(r.getDouble("recv_kbps")))
                .put("windows", r.getLong("windows")));
          }
          return out;
        });
  }

  /** A site's quality over a period: windows, mean and minimum MOS, share of windows below fair, alerts raised. */
  public Future<JsonObject> siteSummary(String siteCode, Instant from, Instant to) {
    Tuple args = Tuple.of(siteCode, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    return pool.preparedQuery("""
        SELECT count(*) AS windows, avg(mos) AS mean_mos, min(mos) AS min_mos,
               avg(CASE WHEN grade IN ('poor', 'bad') THEN 1.0 ELSE 0.0 END) AS poor_share,
               count(DISTINCT meeting) AS meetings, avg(recv_loss_pct) AS loss, avg(rtt_ms) AS rtt
          FROM telemetry.quality_sample WHERE site_code = $1 AND at >= $2 AND at < $3""")
        .execute(args)
        .compose(rows -> pool.preparedQuery("""
            SELECT count(*) AS alerts FROM telemetry.site_alert
             WHERE site_code = $1 AND raised AND at >= $2 AND at < $3""").execute(args)
            .map(alerts -> {
              Row r = rows.iterator().next();
              return new JsonObject().put("siteCode", siteCode).put("from", from.toString()).put("to", to.toString())
                  .put("windows", r.getLong("windows")).put("meetings", r.getLong("meetings"))
                  .put("meanMos", round(r.getDouble("mean_mos"))).put("minMos", round(r.getDouble("min_mos")))
                  .put("poorShare", round(r.getDouble("poor_share"))).put("lossPct", round(r.getDouble("loss")))
                  .put("rttMs", round(r.getDouble("rtt")))
                  .put("alertsRaised", alerts.iterator().next().getLong("alerts"));
            }));
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 100) / 100.0;
  }
}
