// Máy chủ truyền hình (operators): the media nodes of each region with stress and participants, lost ones red,
// and cordon / disable / enable buttons (POST /api/v1/fleet/{id}/status).
import { call, get } from '../api';
import { alertBox, h, onLeave, table } from '../dom';
import { REGION_VI, formatDateTime, label } from '../format';
import { guarded } from './guarded';

export interface FleetNode {
  id: string; kind: string; region: string | null; status: string; stress: number; conferences: number;
  participants: number; draining: boolean; gracefulShutdown: boolean; version: string | null; lastSeen: string | null;
}

const STATUS_VI: Record<string, string> = {
  ENABLED: 'Đang nhận họp', CORDONED: 'Ngừng nhận họp mới', DISABLED: 'Đã tắt', LOST: 'MẤT LIÊN LẠC',
};
const KIND_VI: Record<string, string> = { JVB: 'Cầu truyền hình (JVB)', JIGASI: 'Cổng thoại (Jigasi)',
  JIBRI: 'Ghi hình (Jibri)', JIBRI_SIP: 'Cổng thiết bị phòng họp (Jibri SIP)' };

export function fleetScreen(): HTMLElement {
  const out = h('div');
  const msg = h('div', { 'aria-live': 'polite' });
  const setStatus = async (id: string, status: string) => {
    try {
      await call('POST', `/api/v1/fleet/${encodeURIComponent(id)}/status`, { status });
      msg.replaceChildren(h('p', { class: 'tone-ok' }, `${id}: ${label(STATUS_VI, status)}.`));
      load();
    } catch (e) {
      msg.replaceChildren(alertBox(e instanceof Error ? e.message : String(e)));
    }
  };
  const actions = (n: FleetNode) => h('span', { class: 'actions' },
    n.status !== 'CORDONED' && n.status !== 'LOST' ? h('button', { type: 'button', class: 'secondary',
      'aria-label': `Ngừng nhận họp mới: ${n.id}`, onclick: () => setStatus(n.id, 'CORDONED') }, 'Ngừng nhận họp mới') : null,
    n.status !== 'DISABLED' && n.status !== 'LOST' ? h('button', { type: 'button', class: 'danger',
      'aria-label': `Tắt: ${n.id}`, onclick: () => setStatus(n.id, 'DISABLED') }, 'Tắt') : null,
    n.status !== 'ENABLED' ? h('button', { type: 'button', 'aria-label': `Bật lại: ${n.id}`,
      onclick: () => setStatus(n.id, 'ENABLED') }, 'Bật lại') : null);
  const load = () => guarded(out, async () => {
    const nodes = await get<FleetNode[]>('/api/v1/fleet');
    if (nodes.length === 0) return h('p', { class: 'empty' }, 'Chưa nhận được tin từ máy chủ truyền hình nào. Nếu đang có cuộc họp, hãy báo kỹ thuật viên trực.');
    const regions = [...new Set(nodes.map((n) => n.region ?? ''))].sort();
    return regions.map((r) => {
      const here = nodes.filter((n) => (n.region ?? '') === r);
      return h('section', { class: 'card' }, h('h2', {}, r ? label(REGION_VI, r) : 'Không rõ miền',
        ` · ${here.reduce((s, n) => s + n.participants, 0)} người đang họp`),
      table(['Máy', 'Loại', 'Trạng thái', 'Độ tải', 'Cuộc họp', 'Người', 'Thấy lần cuối', 'Thao tác'],
        here.map((n) => [h('code', {}, n.id), label(KIND_VI, n.kind),
          h('span', { class: `node-${n.status}`, 'data-node-status': n.id }, label(STATUS_VI, n.status),
            n.draining ? ' · đang rút dần' : ''),
          h('meter', { min: 0, max: 1, high: 0.8, value: Math.min(1, n.stress), 'aria-label': `Độ tải ${n.id}` }),
          n.conferences, n.participants, formatDateTime(n.lastSeen), actions(n)])));
    });
  });
  load();
  const timer = setInterval(load, 15_000);
  onLeave(() => clearInterval(timer));
  return h('section', {}, h('h1', { tabindex: '-1' }, 'Máy chủ truyền hình theo miền'), msg, out);
}
