import { ApiError, call, get, type Meeting, type SiteAttendance, type SiteLink } from '../api';
import { alertBox, h, table } from '../dom';
import { ATTENDANCE_VI, REGION_VI, STATUS_VI, formatDateTime, formatNumber, formatTime, label } from '../format';
import { guarded } from './guarded';

const PARTICIPATION_VI: Record<string, string> = { INTERACTIVE: 'Tương tác', VIEWER: 'Theo dõi' };
const WAY_IN_VI: Record<string, string> = { BROWSER: 'Trình duyệt', ROOM_SYSTEM: 'Thiết bị phòng họp (SIP/H.323)', AUDIO: 'Âm thanh' };

export function meetingScreen(id: string): HTMLElement {
  const out = h('div');
  const load = () => guarded(out, async () => {
    const base = `/api/v1/meetings/${encodeURIComponent(id)}`;
    const [m, roll, links] = await Promise.all([
      get<Meeting>(base), get<SiteAttendance[]>(`${base}/attendance`).catch(() => null),
      get<SiteLink[]>(`${base}/links`).catch(() => null),
    ]);
    const attendance = new Map((roll ?? []).map((a) => [a.site, a]));
    const linkOf = new Map((links ?? []).map((l) => [l.site, new URL(l.path, location.origin).href]));
    const cancelMsg = h('div');
    const cancellable = !['ENDED', 'CANCELLED'].includes(m.status);
    const cancel = h('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!confirm(`Huỷ cuộc họp "${m.title}"?`)) return;
      try {
        await call('POST', `${base}/cancel`);
        load();
      } catch (e) {
        cancelMsg.replaceChildren(alertBox(e instanceof ApiError ? e.message : String(e)));
      }
    } }, 'Huỷ cuộc họp');
    return [
      h('h1', {}, m.title),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Trạng thái'), h('dd', {}, h('span', { class: `status s-${m.status}` }, label(STATUS_VI, m.status))),
        h('dt', {}, 'Điểm cầu chủ trì'), h('dd', {}, m.hostSite),
        h('dt', {}, 'Bắt đầu'), h('dd', {}, formatDateTime(m.start)),
        h('dt', {}, 'Kết thúc'), h('dd', {}, formatDateTime(m.end)),
        h('dt', {}, 'Nội dung'), h('dd', {}, m.agenda || '—')),
      cancellable ? h('p', {}, cancel) : null, cancelMsg,
      h('h2', {}, 'Năng lực đã giữ theo miền'),
      table(['Miền', 'Từ', 'Đến', 'Bridge (pps)', 'Chỗ khách (visitor)', 'Cổng SIP video', 'Cuộc gọi âm thanh'],
        m.capacity.map((c) => [label(REGION_VI, c.region), formatDateTime(c.from), formatDateTime(c.to),
          formatNumber(c.bridgePps), formatNumber(c.visitorSlots), formatNumber(c.videoGateways),
          formatNumber(c.audioCalls)])),
      h('h2', {}, `Điểm cầu được mời (${m.invites.length})`),
      roll ? null : h('p', { class: 'muted' }, 'Không xem được điểm danh.'),
      links ? null : h('p', { class: 'muted' }, 'Không xem được đường dẫn tham gia.'),
      table(['Mã đơn vị', 'Hình thức', 'Cách tham gia', 'Thiết bị', 'Miền phục vụ', 'Điểm danh', 'Đường dẫn tham gia'],
        m.invites.map((i) => {
          const a = attendance.get(i.site);
          const link = linkOf.get(i.site);
          return [i.site, label(PARTICIPATION_VI, i.participation), label(WAY_IN_VI, i.wayIn), i.roomSystem ?? '',
            label(REGION_VI, i.region),
            a ? label(ATTENDANCE_VI, a.state) + (a.firstJoined ? ` (vào ${formatTime(a.firstJoined)})` : '') : '',
            link ? h('a', { href: link, class: 'join', title: link }, new URL(link).pathname) : ''];
        })),
    ];
  });
  load();
  return h('section', {}, h('p', {}, h('a', { href: '#/meetings' }, '‹ Lịch họp')), out);
}
