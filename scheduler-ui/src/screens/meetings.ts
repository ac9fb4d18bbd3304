import { get, query, type MeetingSummary, type Page } from '../api';
import { h, pager, table } from '../dom';
import { STATUS_VI, dayStart, formatDateTime, label } from '../format';
import { guarded } from './guarded';
import { tr } from '../i18n';

const SIZE = 50;

export function meetingsScreen(): HTMLElement {
  const from = h('input', { type: 'date', name: 'from' }) as HTMLInputElement;
  const to = h('input', { type: 'date', name: 'to' }) as HTMLInputElement;
  const status = h('select', { name: 'status' }, h('option', { value: '' }, tr('Tất cả', 'All')),
    Object.entries(STATUS_VI).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  const out = h('div');
  let page = 0;

  const load = () => guarded(out, async () => {
    const p = await get<Page<MeetingSummary>>('/api/v1/meetings' + query({
      from: from.value ? dayStart(from.value) : undefined, to: to.value ? dayStart(to.value) : undefined,
      status: status.value, page, size: SIZE,
    }));
    const rows = p.items.map((m) => [
      h('a', { href: `#/meetings/${m.id}` }, m.title), m.hostSite,
      formatDateTime(m.start), formatDateTime(m.end), m.inviteCount,
      h('span', { class: `status s-${m.status}` }, label(STATUS_VI, m.status)),
    ]);
    return [
      table([tr('Tiêu đề', 'Title'), tr('Điểm cầu chủ trì', 'Host site'), tr('Bắt đầu', 'Start'), tr('Kết thúc', 'End'),
        tr('Số điểm mời', 'Invited'), tr('Trạng thái', 'Status')], rows, tr('Không có cuộc họp nào.', 'No meetings.')),
      pager(page, SIZE, p.total, tr('cuộc họp', 'meetings'), (n) => { page = n; load(); }),
    ];
  });

  const form = h('form', { class: 'filters' },
    h('label', {}, `${tr('Từ ngày', 'From')} `, from), h('label', {}, `${tr('Đến ngày', 'To')} `, to),
    h('label', {}, `${tr('Trạng thái', 'Status')} `, status), h('button', { type: 'submit' }, tr('Lọc', 'Filter')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; load(); });
  load();
  return h('section', {}, h('h1', {}, tr('Lịch họp', 'Meetings')), form, out);
}
