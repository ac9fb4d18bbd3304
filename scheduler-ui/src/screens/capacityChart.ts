// "Trong ngày": each region's reserved bridge load over a day against what its fleet offers, drawn with uPlot
// (loaded only on this page, so other pages do not pay for it).
import { get, query, type Meeting, type MeetingSummary, type Page, type RegionUsage } from '../api';
import { h } from '../dom';
import { REGION_VI, dayStart, isoDateInVietnam, label } from '../format';
import { shiftDays } from '../calendar/grid';
import { daySlots, reservedByRegion } from '../charts/dayLoad';
import { guarded } from './guarded';
import { tr } from '../i18n';

const REGIONS = ['NORTH', 'CENTRAL', 'SOUTH'];

async function draw(out: HTMLElement, date: string): Promise<void> {
  await guarded(out, async () => {
    const [{ default: UPlot }, usage, list] = await Promise.all([
      import('uplot'), get<RegionUsage[]>('/api/v1/capacity'),
      get<Page<MeetingSummary>>('/api/v1/meetings' + query({ from: dayStart(date), to: dayStart(shiftDays(date, 1)), size: 500 })),
      import('uplot/dist/uPlot.min.css')]);
    // An empty page comes without its items array.
    const live = (list.items ?? []).filter((m) => m.status !== 'CANCELLED');
    const meetings = await Promise.all(live.map((m) => get<Meeting>(`/api/v1/meetings/${m.id}`)));
    const slots = daySlots(date);
    const reserved = reservedByRegion(slots, meetings.flatMap((m) => m.capacity ?? []), REGIONS);
    const fmt = new Intl.DateTimeFormat(tr('vi-VN', 'en-GB'), { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
    return REGIONS.map((r) => {
      const offered = usage.find((u) => u.region === r)?.offered?.pps ?? 0;
      const box = h('div', { class: 'chart', role: 'img',
        'aria-label': tr(`${label(REGION_VI, r)}: cao nhất ${Math.max(...reserved[r])} trên ${offered} gói/giây`,
          `${label(REGION_VI, r)}: peak ${Math.max(...reserved[r])} of ${offered} packets/s`) });
      const card = h('section', { class: 'card' }, h('h3', {}, `${tr('Tải trong ngày', 'Load over the day')} · ${label(REGION_VI, r)}`), box);
      new UPlot({
        width: 1100, height: 170, tzDate: (ts: number) => new Date(ts * 1000),
        scales: { x: { time: true }, y: { range: (_u: unknown, _min: number, max: number) => [0, Math.max(max, offered) * 1.1 || 1] } },
        axes: [{ values: (_u: unknown, ticks: number[]) => ticks.map((t) => fmt.format(new Date(t * 1000))) }, { size: 70 }],
        series: [{ label: tr('Giờ', 'Time') }, { label: tr('Đã giữ (gói/giây)', 'Held (packets/s)'), stroke: '#0b3d91', fill: 'rgba(11,61,145,0.15)', width: 2 },
          { label: tr('Năng lực hiện có', 'Offered'), stroke: '#a00000', dash: [6, 4], width: 2 }],
      }, [slots, reserved[r], slots.map(() => offered)], box);
      return card;
    });
  });
}

export function capacityChart(): HTMLElement {
  const date = h('input', { type: 'date', id: 'f-chart-day', value: isoDateInVietnam(new Date()) }) as HTMLInputElement;
  const out = h('div');
  // Each day is drawn aside and shown only if no newer day was asked for meanwhile.
  let latest = 0;
  const redraw = () => {
    const mine = ++latest;
    const box = h('div');
    void draw(box, date.value).then(() => { if (mine === latest) out.replaceChildren(box); });
  };
  date.addEventListener('change', redraw);
  redraw();
  return h('section', {}, h('h2', {}, tr('Tải cầu truyền hình trong ngày: đã giữ so với năng lực', 'Video bridge load over the day: held against offered')),
    h('p', { class: 'filters' }, h('label', { for: 'f-chart-day' }, tr('Ngày', 'Day')), ' ', date), out);
}
