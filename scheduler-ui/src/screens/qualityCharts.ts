// Quality over time of one meeting (GET …/quality/series), one uPlot chart per measure: the whole meeting and each
// site as lines. uPlot is loaded only where a chart is drawn, so other pages do not pay for it.
import { ApiError, get } from '../api';
import { h } from '../dom';
import { tr } from '../i18n';
import { chartData, sitesByWorstMos, type Metric, type QualitySeries } from '../charts/qualitySeries';
import { guarded } from './guarded';

const COLOURS = ['#0b3d91', '#a00000', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#c2185b'];
const MEASURES = (): [Metric, string][] => [['mos', tr('Điểm MOS', 'MOS')], ['kbps', tr('Tốc độ nhận (kbps)', 'Receive bitrate (kbps)')],
  ['lossPct', tr('Mất gói (%)', 'Packet loss (%)')], ['rttMs', tr('Độ trễ RTT (ms)', 'RTT (ms)')]];

/** Charts of meeting `id`; `maxSites` keeps a wall readable by drawing only the worst sites. */
export function qualityCharts(id: string | number, maxSites = 8): HTMLElement {
  const out = h('div', { class: 'quality-charts' });
  void guarded(out, async () => {
    const [{ default: UPlot }, s] = await Promise.all([import('uplot'),
      get<QualitySeries>(`/api/v1/meetings/${encodeURIComponent(String(id))}/quality/series?step=60`).catch((e: unknown) => {
        // The live table above already says the collector is away; the charts say it once, in other words.
        if (e instanceof ApiError && e.status === 503) return null;
        throw e;
      }),
      import('uplot/dist/uPlot.min.css')]);
    if (!s) return h('p', { class: 'muted' }, tr('Chưa vẽ được biểu đồ: chưa lấy được số liệu đã lưu.', 'No charts: the stored figures could not be read.'));
    if (!(s.meeting ?? []).length) return h('p', { class: 'muted' }, tr('Chưa có số liệu chất lượng theo thời gian.', 'No quality over time yet.'));
    const shown = new Set(sitesByWorstMos(s).slice(0, maxSites));
    const trimmed: QualitySeries = { ...s, sites: Object.fromEntries(Object.entries(s.sites).filter(([k]) => shown.has(k))) };
    const fmt = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
    return MEASURES().map(([metric, title]) => {
      const d = chartData(trimmed, metric, tr('Cả cuộc họp', 'Whole meeting'));
      const box = h('div', { class: 'chart', role: 'img', 'aria-label': title });
      new UPlot({
        width: 1000, height: 180,
        // Ticks on whole minutes only: the labels say hh:mm, so finer ticks would repeat the same minute.
        axes: [{ incrs: [60, 120, 300, 600, 900, 1800, 3600, 7200, 14400], space: 50,
          values: (_u: unknown, ticks: number[]) => ticks.map((t) => fmt.format(new Date(t * 1000))) }, { size: 60 }],
        series: [{ label: tr('Giờ', 'Time') }, ...d.lines.map((l, i) => ({ label: l.name, stroke: COLOURS[i % COLOURS.length], width: i === 0 ? 3 : 1.5, spanGaps: false }))],
      }, [d.x, ...d.lines.map((l) => l.values)], box);
      return h('section', { class: 'card' }, h('h3', {}, title), box);
    });
  });
  return out;
}
