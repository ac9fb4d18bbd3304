import { get, type Meeting, type SiteAttendance } from '../api';
import { h, onLeave, table } from '../dom';
import { ATTENDANCE_VI, formatNumber, formatTime, label } from '../format';
import { LIVE_VI, follow, type LiveState } from '../live';
import { GRADE_VI, apply, emptyWall, siteRows, type WallState } from '../wall';
import { guarded } from './guarded';
import { tr, words } from '../i18n';
import { dialActions } from './dialActions';
import { qualityCharts } from './qualityCharts';
import { lastCallStates } from '../charts/dialAttempts';

const CALL_VI: Record<string, string> = words({
  'call-pending': ['Đang gọi', 'Calling'], 'call-on': ['Đã kết nối', 'Connected'], 'call-off': ['Đã ngắt', 'Hung up'],
  'call-failed': ['Gọi không được', 'Call failed'],
});
const QUALITY_EVENTS = ['snapshot', 'quality', 'alert', 'left'];

function badge(): [HTMLElement, (s: LiveState) => void] {
  const b = h('span', { class: 'live', role: 'status', 'aria-live': 'polite' });
  return [b, (s) => { b.textContent = LIVE_VI[s]; b.className = `live ${s === 'live' ? 'on' : s === 'retrying' ? 'off' : ''}`; }];
}

const timeOrDash = (t: string | null) => (t ? formatTime(t) : '—');

/** The operators' live wall of one meeting: roll-call, per-site quality, dial-out of room systems. */
export function wallScreen(id: string): HTMLElement {
  const out = h('div');
  const base = `/api/v1/meetings/${encodeURIComponent(id)}`;
  const stops: (() => void)[] = [];
  onLeave(() => stops.forEach((s) => s()));

  guarded(out, async () => {
    const [m, roll] = await Promise.all([get<Meeting>(base), get<SiteAttendance[]>(`${base}/attendance`).catch(() => [])]);

    const rollBox = h('div');
    const showRoll = (list: SiteAttendance[]) => {
      const count = (st: string) => list.filter((a) => a.state === st).length;
      rollBox.replaceChildren(
        h('p', { class: 'counts' }, ['PRESENT', 'LATE', 'LEFT', 'MISSING'].map((st) => `${label(ATTENDANCE_VI, st)} ${count(st)}`).join(' · ')),
        table([tr('Điểm cầu', 'Site'), tr('Điểm danh', 'Roll-call'), tr('Vào lúc', 'Joined'), tr('Rời lúc', 'Left'), tr('Số máy', 'Devices')],
          list.map((a) => [a.site, h('span', { class: `att a-${a.state}` }, label(ATTENDANCE_VI, a.state)),
            timeOrDash(a.firstJoined), timeOrDash(a.lastLeft), formatNumber(a.endpoints)])));
    };
    showRoll(roll);

    // Dial-out: what the orchestrator reports while this page is open, and every attempt with Retry / Escalate.
    const rooms = m.invites.filter((i) => i.roomSystem);
    const calls = new Map<string, { state: string; at: string; detail: string }>();
    const callBox = h('div');
    const showCalls = () => callBox.replaceChildren(table([tr('Điểm cầu', 'Site'), tr('Thiết bị phòng họp', 'Room system'),
      tr('Trạng thái gọi', 'Call state'), tr('Lúc', 'At'), tr('Ghi chú', 'Note')],
      rooms.map((i) => {
        const c = calls.get(i.site);
        return [i.site, i.roomSystem ?? '', c ? label(CALL_VI, c.state) : tr('Chưa có tin', 'No news yet'), c ? formatTime(c.at) : '—', c?.detail ?? ''];
      }), tr('Cuộc họp này không mời thiết bị phòng họp nào.', 'This meeting invites no room system.')));
    showCalls();
    // A page opened mid-meeting starts from the stored attempts; live events then take over per site.
    const dials = dialActions(base, rooms.map((i) => i.site), (all) => {
      const last = lastCallStates(all);
      for (const i of rooms) {
        const state = last.get(i.site.toUpperCase());
        if (state && !calls.has(i.site)) calls.set(i.site, state);
      }
      showCalls();
    });

    let pending: ReturnType<typeof setTimeout> | undefined;
    const [rollBadge, rollState] = badge();
    stops.push(follow(`${base}/events`, (type, data) => {
      if (type && CALL_VI[type] && data) {
        const e = JSON.parse(data) as { site: string | null; at: string; detail: string | null };
        if (e.site) { calls.set(e.site, { state: type, at: e.at, detail: e.detail ?? '' }); showCalls(); dials.refresh(); }
      }
      clearTimeout(pending);
      pending = setTimeout(() => { get<SiteAttendance[]>(`${base}/attendance`).then(showRoll).catch(() => {}); }, 300);
    }, rollState));
    stops.push(() => clearTimeout(pending));

    let wall: WallState = emptyWall();
    const qualityBox = h('div');
    const note = h('p', { class: 'muted', role: 'status' });
    const showQuality = () => qualityBox.replaceChildren(table(
      [tr('Điểm cầu', 'Site'), tr('Chất lượng', 'Quality'), tr('Điểm MOS', 'MOS'), tr('Nhận (kbps)', 'Received (kbps)'), tr('Gửi (kbps)', 'Sent (kbps)'),
        tr('Mất gói', 'Loss'), tr('Độ trễ (RTT)', 'Delay (RTT)'), tr('Số máy', 'Devices'), tr('Cập nhật', 'Updated')],
      siteRows(wall).map((r) => [r.site,
        h('span', { class: `grade g-${r.grade}`, 'data-site': r.site, 'data-grade': r.grade },
          GRADE_VI[r.grade] + (r.alert ? ` — ${tr('cảnh báo', 'alert')}` : '')),
        r.mos.toFixed(2), formatNumber(Math.round(r.recvKbps)), formatNumber(Math.round(r.sendKbps)),
        `${r.lossPct.toFixed(1)} %`, `${Math.round(r.rttMs)} ms`, formatNumber(r.participants), formatTime(r.at)]),
      tr('Chưa có số liệu chất lượng: chưa điểm cầu nào gửi về.', 'No quality figures yet: no site has sent any.')));
    showQuality();
    const [qualityBadge, qualityState] = badge();
    stops.push(follow(`${base}/quality/live`, (type, data) => {
      if (!type) return;
      try { wall = apply(wall, type, JSON.parse(data || '{}')); } catch { return; }
      note.textContent = '';
      showQuality();
    }, (s) => {
      qualityState(s);
      if (s === 'retrying') note.textContent = tr('Chưa nhận được số liệu chất lượng (máy thu thập số liệu không trả lời); đang thử lại.',
        'No quality figures received (the telemetry collector does not answer); retrying.');
    }, QUALITY_EVENTS));

    return [
      h('h1', {}, `${tr('Màn hình trực', 'Operators’ wall')}: ${m.title}`),
      h('h2', {}, `${tr('Chất lượng theo điểm cầu', 'Quality per site')} `, qualityBadge),
      h('p', { class: 'muted' }, tr('Tốt: MOS từ 4,0 · Khá: từ 3,6 · Kém: từ 3,1 · Rất kém: dưới 3,1. Điểm cầu kém nhất ở trên cùng.',
        'Good: MOS from 4.0 · Fair: from 3.6 · Poor: from 3.1 · Bad: below 3.1. The worst site is on top.')),
      note, qualityBox,
      h('h2', {}, tr('Chất lượng theo thời gian', 'Quality over time')), qualityCharts(id),
      h('div', { class: 'wall-cols' },
        h('div', {}, h('h2', {}, `${tr('Điểm danh', 'Roll-call')} `, rollBadge), rollBox),
        h('div', {}, h('h2', {}, tr('Gọi thiết bị phòng họp', 'Room system calls')),
          callBox, dials.panel)),
    ];
  });
  return h('section', {}, h('p', {}, h('a', { href: `#/meetings/${encodeURIComponent(id)}` }, tr('‹ Về cuộc họp', '‹ Back to the meeting'))), out);
}
