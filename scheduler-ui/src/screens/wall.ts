import { get, type Meeting, type SiteAttendance } from '../api';
import { h, onLeave, table } from '../dom';
import { ATTENDANCE_VI, formatNumber, formatTime, label } from '../format';
import { LIVE_VI, follow, type LiveState } from '../live';
import { GRADE_VI, apply, emptyWall, siteRows, type WallState } from '../wall';
import { guarded } from './guarded';
import { tr } from '../i18n';
import { dialActions } from './dialActions';
import { qualityCharts } from './qualityCharts';

const CALL_VI: Record<string, string> = {
  'call-pending': 'Đang gọi', 'call-on': 'Đã kết nối', 'call-off': 'Đã ngắt', 'call-failed': 'Gọi không được',
};
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
        h('p', { class: 'counts' }, `Có mặt ${count('PRESENT')} · Đến muộn ${count('LATE')} · Đã rời ${count('LEFT')} · Vắng ${count('MISSING')}`),
        table(['Điểm cầu', 'Điểm danh', 'Vào lúc', 'Rời lúc', 'Số máy'],
          list.map((a) => [a.site, h('span', { class: `att a-${a.state}` }, label(ATTENDANCE_VI, a.state)),
            timeOrDash(a.firstJoined), timeOrDash(a.lastLeft), formatNumber(a.endpoints)])));
    };
    showRoll(roll);

    // Dial-out: what the orchestrator reports while this page is open, and every attempt with Retry / Escalate.
    const rooms = m.invites.filter((i) => i.roomSystem);
    const calls = new Map<string, { state: string; at: string; detail: string }>();
    const callBox = h('div');
    const showCalls = () => callBox.replaceChildren(table(['Điểm cầu', 'Thiết bị phòng họp', 'Trạng thái gọi', 'Lúc', 'Ghi chú'],
      rooms.map((i) => {
        const c = calls.get(i.site);
        return [i.site, i.roomSystem ?? '', c ? label(CALL_VI, c.state) : 'Chưa có tin', c ? formatTime(c.at) : '—', c?.detail ?? ''];
      }), 'Cuộc họp này không mời thiết bị phòng họp nào.'));
    showCalls();
    const dials = dialActions(base, rooms.map((i) => i.site));

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
      ['Điểm cầu', 'Chất lượng', 'Điểm MOS', 'Nhận (kbps)', 'Gửi (kbps)', 'Mất gói', 'Độ trễ (RTT)', 'Số máy', 'Cập nhật'],
      siteRows(wall).map((r) => [r.site,
        h('span', { class: `grade g-${r.grade}`, 'data-site': r.site, 'data-grade': r.grade },
          GRADE_VI[r.grade] + (r.alert ? ' — cảnh báo' : '')),
        r.mos.toFixed(2), formatNumber(Math.round(r.recvKbps)), formatNumber(Math.round(r.sendKbps)),
        `${r.lossPct.toFixed(1)} %`, `${Math.round(r.rttMs)} ms`, formatNumber(r.participants), formatTime(r.at)]),
      'Chưa có số liệu chất lượng: chưa điểm cầu nào gửi về.'));
    showQuality();
    const [qualityBadge, qualityState] = badge();
    stops.push(follow(`${base}/quality/live`, (type, data) => {
      if (!type) return;
      try { wall = apply(wall, type, JSON.parse(data || '{}')); } catch { return; }
      note.textContent = '';
      showQuality();
    }, (s) => {
      qualityState(s);
      if (s === 'retrying') note.textContent = 'Chưa nhận được số liệu chất lượng (máy thu thập số liệu không trả lời); đang thử lại.';
    }, QUALITY_EVENTS));

    return [
      h('h1', {}, `Màn hình trực: ${m.title}`),
      h('h2', {}, 'Chất lượng theo điểm cầu ', qualityBadge),
      h('p', { class: 'muted' }, 'Tốt: MOS từ 4,0 · Khá: từ 3,6 · Kém: từ 3,1 · Rất kém: dưới 3,1. Điểm cầu kém nhất ở trên cùng.'),
      note, qualityBox,
      h('h2', {}, tr('Chất lượng theo thời gian', 'Quality over time')), qualityCharts(id),
      h('div', { class: 'wall-cols' },
        h('div', {}, h('h2', {}, 'Điểm danh ', rollBadge), rollBox),
        h('div', {}, h('h2', {}, 'Gọi thiết bị phòng họp'),
          callBox, dials.panel)),
    ];
  });
  return h('section', {}, h('p', {}, h('a', { href: `#/meetings/${encodeURIComponent(id)}` }, '‹ Về cuộc họp')), out);
}
