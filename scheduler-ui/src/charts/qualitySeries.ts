// Shapes the orchestrator's GET /api/v1/meetings/{id}/quality/series for uPlot: one x axis (the union of every
// line's steps, in seconds) and one y array per line, null where a line has no point (uPlot leaves a gap).

export interface QualityPoint { at: string; mos: number | null; kbps: number | null; lossPct: number | null; rttMs: number | null }
export interface QualitySeries { step: number; from: string; to: string; meeting: QualityPoint[]; sites: Record<string, QualityPoint[]> }
export type Metric = 'mos' | 'kbps' | 'lossPct' | 'rttMs';
export interface ChartData { x: number[]; lines: { name: string; values: (number | null)[] }[] }

/** The meeting line first, then one line per site (all of them, or only `site`), on a shared x axis. */
export function chartData(s: QualitySeries, metric: Metric, meetingName: string, site?: string): ChartData {
  const sites = Object.keys(s.sites ?? {}).sort().filter((k) => site === undefined || k === site);
  const named: [string, QualityPoint[]][] = [
    ...(site === undefined ? [[meetingName, s.meeting ?? []] as [string, QualityPoint[]]] : []),
    ...sites.map((k) => [k, s.sites[k]] as [string, QualityPoint[]])];
  const seconds = (at: string) => Math.round(Date.parse(at) / 1000);
  const x = [...new Set(named.flatMap(([, pts]) => pts.map((p) => seconds(p.at))))].sort((a, b) => a - b);
  const lines = named.map(([name, pts]) => {
    const byTime = new Map(pts.map((p) => [seconds(p.at), p[metric]]));
    return { name, values: x.map((t) => byTime.get(t) ?? null) };
  });
  return { x, lines };
}

/** The worst site first: the one with the lowest mean MOS over the period, for a wall that shows a few. */
export function sitesByWorstMos(s: QualitySeries): string[] {
  const mean = (pts: QualityPoint[]) => {
    const v = pts.map((p) => p.mos).filter((m): m is number => m !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.POSITIVE_INFINITY;
  };
  return Object.entries(s.sites ?? {}).sort(([a, pa], [b, pb]) => mean(pa) - mean(pb) || a.localeCompare(b)).map(([k]) => k);
}
