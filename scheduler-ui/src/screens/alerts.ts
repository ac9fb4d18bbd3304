// Cảnh báo (operators, secretariat): open alerts, newest first; an operator acknowledges one ("Đã biết") and it
// leaves the list (persisted by the orchestrator). Re-read every 15 s.
import { call, get } from '../api';
import { alertBox, h, onLeave, table } from '../dom';
import { formatDateTime } from '../format';
import { can } from '../roles';
import { session } from '../session';
import { guarded } from './guarded';
import { tr, words } from '../i18n';

interface Alert { id: number; meetingId: number | null; site: string | null; severity: string; message: string; createdAt: string }
const SEVERITY_VI: Record<string, string> = words({
  CRITICAL: ['Nghiêm trọng', 'Critical'], WARNING: ['Cần chú ý', 'Warning'], INFO: ['Thông tin', 'Information'],
});

export function alertsScreen(): HTMLElement {
  const out = h('div');
  const msg = h('div', { 'aria-live': 'polite' });
  const load = () => guarded(out, async () => {
    const [alerts, me] = await Promise.all([get<Alert[]>('/api/v1/alerts'), session()]);
    const mayAck = can(me?.roles ?? [], 'ackAlert');
    return table([tr('Lúc', 'At'), tr('Mức độ', 'Severity'), tr('Nội dung', 'Message'), tr('Cuộc họp', 'Meeting'), tr('Đơn vị', 'Site'), ''],
      alerts.map((a) => [formatDateTime(a.createdAt), h('strong', { class: `sev-${a.severity}` }, SEVERITY_VI[a.severity] ?? a.severity),
        a.message, a.meetingId ? h('a', { href: `#/meetings/${a.meetingId}` }, tr(`Cuộc họp số ${a.meetingId}`, `Meeting ${a.meetingId}`)) : '', a.site ?? '',
        mayAck ? h('button', { type: 'button', 'aria-label': tr(`Đã biết cảnh báo ${a.id}`, `Acknowledge alert ${a.id}`), onclick: async () => {
          try {
            await call('POST', `/api/v1/alerts/${a.id}/ack`, {});
            msg.replaceChildren(h('p', { class: 'tone-ok' }, tr('Đã ghi nhận cảnh báo.', 'Alert acknowledged.')));
            void load();
          } catch (e) {
            msg.replaceChildren(alertBox(e instanceof Error ? e.message : String(e)));
          }
        } }, tr('Đã biết', 'Acknowledge')) : '']), tr('Không có cảnh báo nào đang mở.', 'No open alerts.'));
  });
  void load();
  const timer = setInterval(load, 15_000);
  onLeave(() => clearInterval(timer));
  return h('section', {}, h('h1', { tabindex: '-1' }, tr('Cảnh báo đang mở', 'Open alerts')), msg, out);
}
