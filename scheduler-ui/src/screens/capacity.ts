import { get, type Amounts, type RegionUsage } from '../api';
import { h, table } from '../dom';
import { REGION_VI, formatNumber, label } from '../format';
import { capacityChart } from './capacityChart';
import { guarded } from './guarded';

const ROWS: [keyof Amounts, string][] = [
  ['pps', 'Băng thông bridge (gói/giây)'],
  ['visitorSlots', 'Chỗ khách theo dõi (visitor)'],
  ['videoGateways', 'Cổng SIP video (Jibri)'],
  ['audioCalls', 'Cuộc gọi âm thanh (Jigasi)'],
];

function percent(used: number | undefined, offered: number | undefined): string {
  if (!offered) return used ? 'vượt' : '—';
  return `${Math.round(((used ?? 0) * 100) / offered)} %`;
}

function region(u: RegionUsage): HTMLElement {
  return h('section', { class: `card region${u.overCommitted ? ' over' : ''}` },
    h('h2', {}, label(REGION_VI, u.region)),
    u.overCommitted ? h('p', { class: 'alert' }, 'Vượt năng lực: số đã giữ lớn hơn năng lực hiện có.') : null,
    table(['Loại năng lực', 'Năng lực hiện có', 'Cao điểm đã giữ', 'Tỉ lệ'], ROWS.map(([k, t]) => [
      t, formatNumber(u.offered?.[k]), formatNumber(u.peakReserved?.[k]), percent(u.peakReserved?.[k], u.offered?.[k])])),
    h('p', { class: 'muted' }, `${u.reservations} lượt giữ chỗ.`),
    // The model's own explanation is English with UTC instants: kept for operators, folded away.
    u.explanation ? h('details', {}, h('summary', {}, 'Chi tiết kỹ thuật'), h('p', { class: 'muted' }, u.explanation)) : null);
}

export function capacityScreen(): HTMLElement {
  const out = h('div', { class: 'regions' });
  guarded(out, async () => (await get<RegionUsage[]>('/api/v1/capacity')).map(region));
  return h('section', {}, h('h1', {}, 'Năng lực theo miền'), out, capacityChart());
}
