import { get, type Amounts, type RegionUsage } from '../api';
import { h, table } from '../dom';
import { REGION_VI, formatNumber, label } from '../format';
import { capacityChart } from './capacityChart';
import { guarded } from './guarded';
import { tr, words } from '../i18n';

const ROWS: Record<keyof Amounts, string> = words({
  pps: ['Băng thông bridge (gói/giây)', 'Bridge bandwidth (packets/s)'],
  visitorSlots: ['Chỗ khách theo dõi (visitor)', 'Visitor slots'],
  videoGateways: ['Cổng SIP video (Jibri)', 'SIP video gateways (Jibri)'],
  audioCalls: ['Cuộc gọi âm thanh (Jigasi)', 'Audio calls (Jigasi)'],
});

function percent(used: number | undefined, offered: number | undefined): string {
  if (!offered) return used ? tr('vượt', 'over') : '—';
  return `${Math.round(((used ?? 0) * 100) / offered)} %`;
}

function region(u: RegionUsage): HTMLElement {
  return h('section', { class: `card region${u.overCommitted ? ' over' : ''}` },
    h('h2', {}, label(REGION_VI, u.region)),
    u.overCommitted ? h('p', { class: 'alert' }, tr('Vượt năng lực: số đã giữ lớn hơn năng lực hiện có.', 'Over capacity: more is held than is offered.')) : null,
    table([tr('Loại năng lực', 'Capacity'), tr('Năng lực hiện có', 'Offered'), tr('Cao điểm đã giữ', 'Peak held'), tr('Tỉ lệ', 'Share')],
      (Object.entries(ROWS) as [keyof Amounts, string][]).map(([k, t]) => [
      t, formatNumber(u.offered?.[k]), formatNumber(u.peakReserved?.[k]), percent(u.peakReserved?.[k], u.offered?.[k])])),
    h('p', { class: 'muted' }, tr(`${u.reservations} lượt giữ chỗ.`, `${u.reservations} holds.`)),
    // The model's own explanation is English with UTC instants: kept for operators, folded away.
    u.explanation ? h('details', {}, h('summary', {}, tr('Chi tiết kỹ thuật', 'Technical details')), h('p', { class: 'muted' }, u.explanation)) : null);
}

export function capacityScreen(): HTMLElement {
  const out = h('div', { class: 'regions' });
  guarded(out, async () => (await get<RegionUsage[]>('/api/v1/capacity')).map(region));
  return h('section', {}, h('h1', {}, tr('Năng lực theo miền', 'Capacity per region')), out, capacityChart());
}
