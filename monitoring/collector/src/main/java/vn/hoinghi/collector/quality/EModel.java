package vn.hoinghi.collector.quality;

/**
 * The simplified E-model of DESIGN §3, exactly:
 * {@code EL = rtt + 2*jitter + 10}; {@code R = 93.2 - EL/40} if {@code EL < 160} else {@code 93.2 - (EL - 120)/10};
 * {@code R -= 2.5 * loss%}; {@code MOS = 1 + 0.035R + 7e-6 R (R - 60)(100 - R)}.
 * R is clamped to [0, 100] first, as ITU-T G.107 does, so absurd inputs give MOS 1.0 .. 4.5 rather than nonsense.
 */
public final class EModel {

  private EModel() {}

  public static double rFactor(double rttMs, double jitterMs, double lossPct) {
    double effectiveLatency = rttMs + 2 * jitterMs + 10;
    double r = effectiveLatency < 160 ? 93.2 - effectiveLatency / 40 : 93.2 - (effectiveLatency - 120) / 10;
    return r - 2.5 * lossPct;
  }

  public static double mos(double rttMs, double jitterMs, double lossPct) {
    double r = Math.max(0, Math.min(100, rFactor(rttMs, jitterMs, lossPct)));
    return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  }
}
