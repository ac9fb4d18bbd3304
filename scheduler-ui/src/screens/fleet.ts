// Máy chủ truyền hình (operators): the media nodes of each region with stress and participants, lost ones red,
// and cordon / disable / enable buttons (POST /api/v1/fleet/{id}/status).
import { call, get } from '../api';
import { alertBox, h, onLeave, table } from '../dom';
import { REGION_VI, formatDateTime, label } from '../format';
import { guarded } from './guarded';
import { tr, words } from '../i18n';

export interface FleetNode {
  id: string; kind: string; region: string | null; status: string; stress: number; conferences: number;
  participants: number; draining: boolean; gracefulShutdown: boolean; version: string | null; lastSeen: string | null;
  /** JVB only: HoiNghi's last call to the bridge's drain REST (absent until an operator acted on the bridge). */
  drain?: { drain: boolean; outcome: 'PENDING' | 'APPLIED' | 'FAILED' | 'NOT_CONFIGURED'; reason?: string; at: string };
}

// Whether the bridge itself was told (so Jicofo puts no new meeting on it), not just HoiNghi's own booking.
const drainNote = (n: FleetNode) => {
  const d = n.drain;
  if (!d || d.outcome === 'APPLIED') return null;
  if (d.outcome === 'FAILED') return h('span', { class: 'tone-bad' },
    ` · ${tr('chưa báo được cho cầu, đang thử lại', 'bridge not told yet, retrying')}: ${d.reason ?? ''}`);
  if (!d.drain) return null;
  if (d.outcome === 'PENDING') return ` · ${tr('đang báo cho cầu', 'telling the bridge')}`;
  return ` · ${tr('chưa cấu hình địa chỉ quản trị của cầu: Jicofo vẫn có thể xếp họp mới vào',
    'bridge REST address not configured: Jicofo may still place new meetings on it')}`;
};

const STATUS_VI: Record<string, string> = words({
  ENABLED: ['Đang nhận họp', 'Taking meetings'], CORDONED: ['Ngừng nhận họp mới', 'Takes no new meetings'],
  DISABLED: ['Đã tắt', 'Disabled'], LOST: ['MẤT LIÊN LẠC', 'LOST'],
});
const KIND_VI: Record<string, string> = words({ JVB: ['Cầu truyền hình (JVB)', 'Video bridge (JVB)'],
  JIGASI: ['Cổng thoại (Jigasi)', 'Phone gateway (Jigasi)'], JIBRI: ['Ghi hình (Jibri)', 'Recorder (Jibri)'],
  JIBRI_SIP: ['Cổng thiết bị phòng họp (Jibri SIP)', 'Room system gateway (Jibri SIP)'] });

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
      'aria-label': `${tr('Ngừng nhận họp mới', 'Stop new meetings')}: ${n.id}`, onclick: () => setStatus(n.id, 'CORDONED') },
      tr('Ngừng nhận họp mới', 'Stop new meetings')) : null,
    n.status !== 'DISABLED' && n.status !== 'LOST' ? h('button', { type: 'button', class: 'danger',
      'aria-label': `${tr('Tắt', 'Disable')}: ${n.id}`, onclick: () => setStatus(n.id, 'DISABLED') }, tr('Tắt', 'Disable')) : null,
    n.status !== 'ENABLED' ? h('button', { type: 'button', 'aria-label': `${tr('Bật lại', 'Enable')}: ${n.id}`,
      onclick: () => setStatus(n.id, 'ENABLED') }, tr('Bật lại', 'Enable')) : null);
  const load = () => guarded(out, async () => {
    const nodes = await get<FleetNode[]>('/api/v1/fleet');
    if (nodes.length === 0) return h('p', { class: 'empty' }, tr('Chưa nhận được tin từ máy chủ truyền hình nào. Nếu đang có cuộc họp, hãy báo kỹ thuật viên trực.',
      'No media server has reported yet. If a meeting is on, tell the technician on duty.'));
    const regions = [...new Set(nodes.map((n) => n.region ?? ''))].sort();
    return regions.map((r) => {
      const here = nodes.filter((n) => (n.region ?? '') === r);
      return h('section', { class: 'card' }, h('h2', {}, r ? label(REGION_VI, r) : tr('Không rõ miền', 'Unknown region'),
        ` · ${here.reduce((s, n) => s + n.participants, 0)} ${tr('người đang họp', 'people in meetings')}`),
      table([tr('Máy', 'Server'), tr('Loại', 'Kind'), tr('Trạng thái', 'Status'), tr('Độ tải', 'Stress'), tr('Cuộc họp', 'Meetings'),
        tr('Người', 'People'), tr('Thấy lần cuối', 'Last seen'), tr('Thao tác', 'Actions')],
        here.map((n) => [h('code', {}, n.id), label(KIND_VI, n.kind),
          h('span', { class: `node-${n.status}`, 'data-node-status': n.id }, label(STATUS_VI, n.status),
            n.draining ? ` · ${tr('đang rút dần', 'draining')}` : '', drainNote(n)),
          h('meter', { min: 0, max: 1, high: 0.8, value: Math.min(1, n.stress), 'aria-label': `${tr('Độ tải', 'Stress')} ${n.id}` }),
          n.conferences, n.participants, formatDateTime(n.lastSeen), actions(n)])));
    });
  });
  load();
  const timer = setInterval(load, 15_000);
  onLeave(() => clearInterval(timer));
  return h('section', {}, h('h1', { tabindex: '-1' }, tr('Máy chủ truyền hình theo miền', 'Media servers per region')), msg, out);
}
