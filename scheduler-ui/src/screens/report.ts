// Reports (issue 14): the unit report over months (#/reports) and one meeting's report (#/reports/meetings/{id}).
// Self-contained on purpose: its API types live here, so it touches no shared screen file.
import { get, query } from '../api';
import { h, table } from '../dom';
import { guarded } from './guarded';
import { tr, words } from '../i18n';
import { qualityCharts } from './qualityCharts';

interface Month { month: string; meetings: number; attended: number; attendanceRate: number | null; meanMos: number | null; poorQuality: number }
interface UnitLine { site: string; name: string; region: string; meetings: number; attended: number; attendanceRate: number | null; late: number; dialFailed: number; meanMos: number | null; poorQuality: number; problems: string[] }
interface UnitReport { from: string; to: string; sites: number; meetings: number; attended: number; attendanceRate: number | null; meanMos: number | null; months: Month[]; units: UnitLine[]; problems: string[] }
interface Dial { method: string; target: string; attempt: number; outcome: string; error?: string }
interface Quality { minutes: number; mosMean: number; mosMin: number; good: number; fair: number; poor: number; bad: number; lossPct: number; rttMs: number }
interface SiteFacts { site: string; name: string; attendance: string; firstJoined?: string; lateMinutes: number; presentSeconds: number; dials?: Dial[]; quality?: Quality }
interface MeetingReport { recordId?: number; expected: number; joined: number; late: number; dialled: number; dialFailed: number; measured: number; poorQuality: number; facts: { meetingId: number; title: string; telemetry: string; sites: SiteFacts[] } }

const REGIONS: Record<string, string> = words({ '': ['Cả nước', 'Whole country'], NORTH: ['Miền Bắc', 'North'], CENTRAL: ['Miền Trung', 'Central'], SOUTH: ['Miền Nam', 'South'] });
// As the CSV and PDF say it (orchestrator reports/Vietnamese.java): a call that was up and then hung up connected.
const DIAL_METHOD: Record<string, string> = words({ VIDEO: ['Hình (SIP)', 'Video (SIP)'], AUDIO: ['Tiếng (SIP)', 'Audio (SIP)'], PHONE: ['Điện thoại', 'Phone'] });
const DIAL_OUTCOME: Record<string, string> = words({ CONNECTED: ['Kết nối được', 'Connected'], HUNG_UP: ['Kết nối được', 'Connected'],
  FAILED: ['Không kết nối', 'Not connected'], PENDING: ['Không rõ', 'Unknown'], UNKNOWN: ['Không rõ', 'Unknown'] });
const STATE: Record<string, string> = words({ PRESENT: ['Có mặt', 'Present'], LATE: ['Vào muộn', 'Late'], LEFT: ['Đã rời', 'Left'], MISSING: ['Vắng', 'Absent'] });
const pct = (r: number | null | undefined) => (r == null || !Number.isFinite(r) ? '—' : `${Math.round(r * 100)} %`);
const mos = (m: number | null | undefined) => (m === null || m === undefined ? '—' : m.toFixed(2).replace('.', tr(',', '.')));

/** One bar per month: attendance rate as its height, mean MOS written under it. */
function chart(months: Month[]): HTMLElement {
  return h('div', { class: 'report-chart', role: 'img', 'aria-label': tr('Tỉ lệ tham dự theo tháng', 'Attendance rate per month'), style: 'display:flex;gap:4px;align-items:flex-end;height:120px' },
    months.map((m) => h('div', { style: 'flex:1;text-align:center;font-size:11px' },
      h('div', { title: `${m.month}: ${pct(m.attendanceRate)}`, style: `background:#2e7d32;height:${Math.round((m.attendanceRate ?? 0) * 90)}px` }),
      h('div', {}, m.month.slice(2)), h('div', { class: 'muted' }, mos(m.meanMos)))));
}

function unitReport(r: UnitReport, csv: string): Node[] {
  return [
    h('p', {}, `${r.from} – ${r.to}: ` + tr(`${r.sites} đơn vị, ${r.meetings} lượt mời, tham dự ${pct(r.attendanceRate)}, MOS trung bình ${mos(r.meanMos)}. `,
      `${r.sites} sites, ${r.meetings} invitations, attendance ${pct(r.attendanceRate)}, mean MOS ${mos(r.meanMos)}. `),
      h('a', { href: csv }, tr('Tải CSV', 'Download CSV'))),
    chart(r.months),
    h('h2', {}, tr('Vấn đề lặp lại', 'Recurring problems')),
    r.problems.length ? h('ul', { 'data-testid': 'problems' }, r.problems.map((p) => h('li', {}, p))) : h('p', { class: 'empty' }, tr('Không có.', 'None.')),
    h('h2', {}, tr('Theo đơn vị', 'Per site')),
    table([tr('Đơn vị', 'Site'), tr('Cuộc họp', 'Meetings'), tr('Tham dự', 'Attended'), tr('Tỉ lệ', 'Rate'), tr('Vào muộn', 'Late'),
      tr('Gọi không được', 'Calls failed'), tr('MOS TB', 'Mean MOS'), tr('Chất lượng kém', 'Poor quality')],
      r.units.map((u) => [`${u.name} (${u.site})`, u.meetings, u.attended, pct(u.attendanceRate), u.late, u.dialFailed, mos(u.meanMos), u.poorQuality])),
  ];
}

function unitsScreen(): HTMLElement {
  const out = h('div', {});
  const from = h('input', { type: 'month', name: 'from' }) as HTMLInputElement;
  const to = h('input', { type: 'month', name: 'to' }) as HTMLInputElement;
  const region = h('select', { name: 'region' }, Object.entries(REGIONS).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  const subtree = h('input', { name: 'subtreeOf', placeholder: tr('Mã đơn vị, ví dụ THADS-GLI', 'Site code, e.g. THADS-GLI') }) as HTMLInputElement;
  const load = () => {
    const q = query({ from: from.value, to: to.value, region: region.value, subtreeOf: subtree.value.trim() });
    void guarded(out, async () => {
      const r = await get<UnitReport>(`/api/v1/reports/units${q}`);
      // Show the months the server chose (the last 12 by default), so the fields never look empty.
      from.value ||= r.from;
      to.value ||= r.to;
      return unitReport(r, `/api/v1/reports/units/csv${q}`);
    });
  };
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); load(); } },
    h('label', {}, `${tr('Từ tháng', 'From month')} `, from), h('label', {}, ` ${tr('đến', 'to')} `, to), h('label', {}, ` ${tr('Miền', 'Region')} `, region),
    h('label', {}, ` ${tr('Đơn vị và cấp dưới', 'Site and its subordinates')} `, subtree), h('button', { type: 'submit' }, tr('Xem', 'Show')));
  load();
  return h('section', {}, h('h1', { tabindex: '-1' }, tr('Báo cáo theo đơn vị', 'Report per site')), form, out);
}

/** Why a report has no quality columns, in words: the collector gave none (its reason in brackets), or no unit sent any. */
function qualityNotice(telemetry: string, measured: number): HTMLElement | null {
  if (telemetry === 'COLLECTED') {
    return measured > 0 ? null : h('p', { class: 'muted' }, tr('Chưa đo chất lượng: không điểm cầu nào gửi số liệu về bộ thu.',
      'Quality not measured: no site sent figures to the collector.'));
  }
  return h('p', { class: 'alert' }, `${tr('Không có số liệu chất lượng từ bộ thu số liệu', 'No quality figures from the collector')} (${telemetry})`);
}

function meetingReport(r: MeetingReport): (Node | null)[] {
  const f = r.facts;
  const base = `/api/v1/reports/meetings/${f.meetingId}`;
  return [
    h('p', {}, tr(`Mời ${r.expected}, tham dự ${r.joined}, vào muộn ${r.late}; gọi thiết bị ${r.dialled} (không được ${r.dialFailed}); chất lượng kém ${r.poorQuality}/${r.measured}. `,
      `Invited ${r.expected}, attended ${r.joined}, late ${r.late}; room systems called ${r.dialled} (failed ${r.dialFailed}); poor quality ${r.poorQuality}/${r.measured}. `),
      r.recordId ? h('a', { href: `/api/v1/records/${r.recordId}/verify` }, tr(`Biên bản số ${r.recordId} (kiểm tra chữ ký)`, `Record ${r.recordId} (verify the signature)`))
        : tr('Chưa niêm phong biên bản.', 'The record is not sealed yet.')),
    h('p', {}, h('a', { href: `${base}/csv` }, tr('Tải CSV', 'Download CSV')), ' · ', h('a', { href: `${base}/pdf` }, tr('Tải PDF', 'Download PDF')),
      r.recordId ? [' · ', h('a', { href: `/api/v1/records/${r.recordId}/export` }, tr('Tải biên bản đã ký', 'Download the signed record'))] : null),
    qualityNotice(f.telemetry, r.measured),
    table([tr('Đơn vị', 'Site'), tr('Trạng thái', 'State'), tr('Muộn (phút)', 'Late (min)'), tr('Dự (phút)', 'Present (min)'), tr('Các lần gọi', 'Calls'),
      tr('MOS TB', 'Mean MOS'), tr('MOS thấp nhất', 'Lowest MOS'), tr('Phút kém', 'Poor minutes')],
      f.sites.map((s) => [`${s.name} (${s.site})`, STATE[s.attendance] ?? s.attendance, s.lateMinutes, Math.round(s.presentSeconds / 60),
        (s.dials ?? []).map((d) => `${DIAL_METHOD[d.method] ?? d.method} ${tr('lần', 'try')} ${d.attempt}: ${DIAL_OUTCOME[d.outcome] ?? d.outcome}`).join('; '),
        mos(s.quality?.mosMean), mos(s.quality?.mosMin), s.quality ? s.quality.poor + s.quality.bad : '—'])),
  ];
}

/** `#/reports` or `#/reports/meetings/{id}`. */
export function reportScreen(route: string): HTMLElement {
  const m = /^#\/reports\/meetings\/(\d+)$/.exec(route);
  if (!m) return unitsScreen();
  const out = h('div', {});
  void guarded(out, async () => meetingReport(await get<MeetingReport>(`/api/v1/reports/meetings/${m[1]}`)));
  return h('section', {}, h('h1', { tabindex: '-1' }, tr(`Báo cáo cuộc họp số ${m[1]}`, `Report of meeting ${m[1]}`)), out,
    h('h2', {}, tr('Chất lượng theo thời gian', 'Quality over time')), qualityCharts(m[1]));
}
