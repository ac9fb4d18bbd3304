import { get, type Meeting, type SiteAttendance, type SiteLink } from '../api';
import { h, onLeave, table } from '../dom';
import { ATTENDANCE_VI, PARTICIPATION, REGION_VI, WAY_IN, STATUS_VI, formatDateTime, formatNumber, formatTime, label } from '../format';
import { LIVE_VI, follow } from '../live';
import { can } from '../roles';
import { session } from '../session';
import { guarded } from './guarded';
import { cancelPanel, editForm } from './meetingActions';
import { tr } from '../i18n';

const EDITABLE = ['BOOKED', 'PREPARING', 'READY'];
const OVER = ['ENDED', 'CANCELLED'];

function attendanceText(a: SiteAttendance | undefined): string {
  if (!a) return '';
  return label(ATTENDANCE_VI, a.state) + (a.firstJoined ? ` (${tr('vào', 'joined')} ${formatTime(a.firstJoined)})` : '');
}

export function meetingScreen(id: string): HTMLElement {
  const out = h('div');
  const base = `/api/v1/meetings/${encodeURIComponent(id)}`;
  let stopLive: (() => void) | null = null;
  onLeave(() => stopLive?.());

  const load = () => guarded(out, async () => {
    stopLive?.();
    stopLive = null;
    const me = await session().catch(() => null);
    const roles = me?.roles ?? [];
    const [m, roll, links] = await Promise.all([
      get<Meeting>(base), get<SiteAttendance[]>(`${base}/attendance`).catch(() => null),
      can(roles, 'joinLinks') ? get<SiteLink[]>(`${base}/links`).catch(() => null) : Promise.resolve(undefined),
    ]);
    const linkOf = new Map((links ?? []).map((l) => [l.site, new URL(l.path, location.origin).href]));

    // The attendance column, updated in place from the live stream.
    const cells = new Map(m.invites.map((i) => [i.site, h('span', { 'data-attendance': i.site })]));
    const showRoll = (list: SiteAttendance[], highlight: boolean) => {
      const bySite = new Map(list.map((a) => [a.site, a]));
      for (const [site, cell] of cells) {
        const text = attendanceText(bySite.get(site));
        if (cell.textContent === text) continue;
        cell.textContent = text;
        if (highlight) cell.parentElement?.classList.add('updated');
      }
    };
    showRoll(roll ?? [], false);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refreshRoll = () => { // one read for a burst of joins
      clearTimeout(pending);
      pending = setTimeout(() => {
        get<SiteAttendance[]>(`${base}/attendance`).then((r) => showRoll(r, true)).catch(() => {});
      }, 300);
    };
    const badge = h('span', { class: 'live', role: 'status', 'aria-live': 'polite' });
    if (!OVER.includes(m.status)) {
      stopLive = follow(`${base}/events`, refreshRoll, (s) => {
        badge.textContent = LIVE_VI[s];
        badge.className = `live ${s === 'live' ? 'on' : s === 'retrying' ? 'off' : ''}`;
      });
    }

    const panel = h('div');
    const reload = () => { load(); };
    const close = () => panel.replaceChildren();
    const actions = [
      can(roles, 'wall') && !OVER.includes(m.status)
        ? h('a', { href: `#/meetings/${m.id}/wall`, class: 'button' }, tr('Màn hình trực (chất lượng, điểm danh)', 'Operators’ wall (quality, roll-call)'))
        : null,
      can(roles, 'edit') && EDITABLE.includes(m.status)
        ? h('button', { type: 'button', onclick: () => panel.replaceChildren(editForm(m, reload, close)) }, tr('Sửa cuộc họp', 'Edit meeting'))
        : null,
      can(roles, 'cancel') && !OVER.includes(m.status)
        ? h('button', { type: 'button', class: 'danger', onclick: () => panel.replaceChildren(cancelPanel(m, reload, close)) }, tr('Huỷ cuộc họp', 'Cancel meeting'))
        : null,
    ].filter((b) => b !== null);

    return [
      h('h1', {}, m.title),
      h('dl', { class: 'facts' },
        h('dt', {}, tr('Trạng thái', 'Status')), h('dd', {}, h('span', { class: `status s-${m.status}` }, label(STATUS_VI, m.status))),
        h('dt', {}, tr('Điểm cầu chủ trì', 'Host site')), h('dd', {}, m.hostSite),
        h('dt', {}, tr('Bắt đầu', 'Start')), h('dd', {}, formatDateTime(m.start)),
        h('dt', {}, tr('Kết thúc', 'End')), h('dd', {}, formatDateTime(m.end)),
        h('dt', {}, tr('Định kỳ', 'Recurring')), h('dd', {}, m.seriesId == null ? tr('Không', 'No')
          : tr('Có (một buổi trong chuỗi hằng tuần)', 'Yes (one occurrence of a weekly series)')),
        h('dt', {}, tr('Nội dung', 'Agenda')), h('dd', { class: 'agenda' }, m.agenda || '—')),
      actions.length ? h('p', { class: 'actions' }, actions) : null, panel,
      h('h2', {}, tr('Năng lực đã giữ theo miền', 'Capacity held per region')),
      table([tr('Miền', 'Region'), tr('Từ', 'From'), tr('Đến', 'To'), 'Bridge (pps)', tr('Chỗ khách (visitor)', 'Visitor slots'),
        tr('Cổng SIP video', 'SIP video gateways'), tr('Cuộc gọi âm thanh', 'Audio calls')],
        m.capacity.map((c) => [label(REGION_VI, c.region), formatDateTime(c.from), formatDateTime(c.to),
          formatNumber(c.bridgePps), formatNumber(c.visitorSlots), formatNumber(c.videoGateways),
          formatNumber(c.audioCalls)])),
      h('h2', {}, `${tr('Điểm cầu được mời', 'Invited sites')} (${m.invites.length})`, OVER.includes(m.status) ? null : badge),
      roll ? null : h('p', { class: 'muted' }, tr('Không xem được điểm danh.', 'The roll-call cannot be shown.')),
      links === null ? h('p', { class: 'muted' }, tr('Không xem được đường dẫn tham gia.', 'The join links cannot be shown.')) : null,
      table([tr('Mã đơn vị', 'Site code'), tr('Hình thức', 'Participation'), tr('Cách tham gia', 'Way in'), tr('Thiết bị', 'Room system'),
        tr('Miền phục vụ', 'Serving region'), tr('Điểm danh', 'Roll-call'),
        ...(links === undefined ? [] : [tr('Đường dẫn tham gia', 'Join link')])],
      m.invites.map((i) => {
        const link = linkOf.get(i.site);
        return [i.site, label(PARTICIPATION, i.participation), label(WAY_IN, i.wayIn), i.roomSystem ?? '',
          label(REGION_VI, i.region), cells.get(i.site)!,
          ...(links === undefined ? [] : [link ? h('a', { href: link, class: 'join', title: link }, new URL(link).pathname) : ''])];
      })),
    ];
  });
  load();
  return h('section', {}, h('p', {}, h('a', { href: '#/meetings' }, tr('‹ Lịch họp', '‹ Meetings'))), out);
}
