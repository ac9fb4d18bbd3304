// Cảnh báo (operators, secretariat): open alerts, newest first; an operator acknowledges one ("Đã biết") and it
// leaves the list (persisted by the orchestrator). Re-read every 15 s.
import { call, get } from '../api';
import { alertBox, h, onLeave, table } from '../dom';
import { formatDateTime } from '../format';
import { can } from '../roles';
import { session } from '../session';
import { guarded } from './guarded';

interface Alert { id: number; meetingId: number | null; site: string | null; severity: string; message: string; createdAt: string }
const SEVERITY_VI: Record<string, string> = { CRITICAL: 'Nghiêm trọng', WARNING: 'Cần chú ý', INFO: 'Thông tin' };

export function alertsScreen(): HTMLElement {
  const out = h('div');
  const msg = h('div', { 'aria-live': 'polite' });
  const load = () => guarded(out, async () => {
    const [alerts, me] = await Promise.all([get<Alert[]>('/api/v1/alerts'), session()]);
    const mayAck = can(me?.roles ?? [], 'ackAlert');
    return table(['Lúc', 'Mức độ', 'Nội dung', 'Cuộc họp', 'Đơn vị', ''],
      alerts.map((a) => [formatDateTime(a.createdAt), h('strong', { class: `sev-${a.severity}` }, SEVERITY_VI[a.severity] ?? a.severity),
        a.message, a.meetingId ? h('a', { href: `#/meetings/${a.meetingId}` }, `Cuộc họp số ${a.meetingId}`) : '', a.site ?? '',
        mayAck ? h('button', { type: 'button', 'aria-label': `Đã biết cảnh báo ${a.id}`, onclick: async () => {
          try {
            await call('POST', `/api/v1/alerts/${a.id}/ack`, {});
            msg.replaceChildren(h('p', { class: 'tone-ok' }, 'Đã ghi nhận cảnh báo.'));
            void load();
          } catch (e) {
            msg.replaceChildren(alertBox(e instanceof Error ? e.message : String(e)));
          }
        } }, 'Đã biết') : '']), 'Không có cảnh báo nào đang mở.');
  });
  void load();
  const timer = setInterval(load, 15_000);
  onLeave(() => clearInterval(timer));
  return h('section', {}, h('h1', { tabindex: '-1' }, 'Cảnh báo đang mở'), msg, out);
}
