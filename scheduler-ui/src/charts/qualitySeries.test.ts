import { describe, expect, it } from 'vitest';
import { chartData, sitesByWorstMos, type QualitySeries } from './qualitySeries';

const p = (at: string, mos: number | null, kbps: number | null = null) => ({ at, mos, kbps, lossPct: null, rttMs: null });
const series: QualitySeries = {
  step: 60, from: '2026-01-01T00:45:00Z', to: '2026-01-01T02:00:00Z',
  meeting: [p('2026-01-01T01:00:00Z', 3.5, 1500), p('2026-01-01T01:01:00Z', 3.0, 100)],
  sites: {
    'STP-HPG': [p('2026-01-01T01:00:00Z', 2.0), p('2026-01-01T01:01:00Z', null)],
    'STP-HNI': [p('2026-01-01T01:00:00Z', 4.0), p('2026-01-01T01:02:00Z', 4.4)],
  },
};

describe('quality over time for uPlot', () => {
  it('puts the meeting first, sites in order, on the union of their steps with gaps as null', () => {
    const d = chartData(series, 'mos', 'Cả cuộc họp');
    expect(d.x).toEqual([1767229200, 1767229260, 1767229320]);
    expect(d.lines.map((l) => l.name)).toEqual(['Cả cuộc họp', 'STP-HNI', 'STP-HPG']);
    expect(d.lines[0].values).toEqual([3.5, 3.0, null]);
    expect(d.lines[1].values).toEqual([4.0, null, 4.4]);
    expect(d.lines[2].values).toEqual([2.0, null, null]);
  });

  it('draws one site alone when asked, and another metric', () => {
    const d = chartData(series, 'kbps', 'Cả cuộc họp', 'STP-HNI');
    expect(d.lines.map((l) => l.name)).toEqual(['STP-HNI']);
    expect(d.x).toEqual([1767229200, 1767229320]);
    expect(d.lines[0].values).toEqual([null, null]);
  });

  it('copes with a collector that has nothing yet', () => {
    const d = chartData({ step: 60, from: '', to: '', meeting: [], sites: {} }, 'mos', 'M');
    expect(d.x).toEqual([]);
    expect(d.lines).toEqual([{ name: 'M', values: [] }]);
  });

  it('orders sites worst mean MOS first', () => {
    expect(sitesByWorstMos(series)).toEqual(['STP-HPG', 'STP-HNI']);
  });
});
