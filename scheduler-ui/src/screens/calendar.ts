// Lịch: day / week / month of meetings in Vietnamese time, coloured by status; a click opens the meeting.
import { get, query, type MeetingSummary, type Page } from '../api';
import { h } from '../dom';
import { dayStart, formatTime, isoDateInVietnam, STATUS_VI, label } from '../format';
import {
  dayTitle, groupByDay, shiftDays, step, viewDays, weekdaysShort, type View,
} from '../calendar/grid';
import { guarded } from './guarded';
import { tr, words } from '../i18n';

const VIEW_VI: Record<View, string> = words({ day: ['Ngày', 'Day'], week: ['Tuần', 'Week'], month: ['Tháng', 'Month'] });

function chip(m: MeetingSummary): HTMLElement {
  return h('a', { class: `chip st-${m.status}`, href: `#/meetings/${m.id}`,
    title: `${m.title} · ${label(STATUS_VI, m.status)}` },
  h('strong', {}, `${formatTime(m.start)}–${formatTime(m.end)}`), ` ${m.title}`,
  h('span', { class: 'sr' }, ` (${label(STATUS_VI, m.status)})`));
}

export function calendarScreen(params: URLSearchParams): HTMLElement {
  let view = (['day', 'week', 'month'].includes(params.get('view') ?? '') ? params.get('view') : 'week') as View;
  let date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : isoDateInVietnam(new Date());
  const out = h('div');
  const title = h('h2', { class: 'cal-title' });
  const today = isoDateInVietnam(new Date());

  const go = (v: View, d: string) => { location.hash = `#/calendar?view=${v}&date=${d}`; };
  const bar = h('div', { class: 'filters cal-bar', role: 'toolbar', 'aria-label': tr('Điều khiển lịch', 'Calendar controls') },
    h('button', { type: 'button', onclick: () => go(view, step(view, date, -1)) }, tr('‹ Trước', '‹ Previous')),
    h('button', { type: 'button', class: 'secondary', onclick: () => go(view, today) }, tr('Hôm nay', 'Today')),
    h('button', { type: 'button', onclick: () => go(view, step(view, date, 1)) }, tr('Sau ›', 'Next ›')),
    (['day', 'week', 'month'] as View[]).map((v) => h('button', { type: 'button', class: v === view ? '' : 'secondary',
      'aria-pressed': String(v === view), onclick: () => go(v, date) }, VIEW_VI[v])),
    h('span', { class: 'legend' }, ['BOOKED', 'READY', 'LIVE', 'ENDED', 'FAILED', 'CANCELLED'].map((s) =>
      h('span', { class: `chip st-${s}` }, label(STATUS_VI, s)))));

  const load = () => guarded(out, async () => {
    const days = viewDays(view, date);
    const p = await get<Page<MeetingSummary>>('/api/v1/meetings' + query({
      from: dayStart(days[0]), to: dayStart(shiftDays(days[days.length - 1], 1)), size: 500 }));
    const byDay = groupByDay(p.items);
    title.textContent = view === 'month' ? `${tr('Tháng', 'Month')} ${date.slice(5, 7)}/${date.slice(0, 4)}`
      : view === 'week' ? `${tr('Tuần', 'Week')} ${dayTitle(days[0])} – ${dayTitle(days[6])}/${days[6].slice(0, 4)}` : dayTitle(date);
    const cell = (d: string) => h('div', { class: `cal-day${d === today ? ' today' : ''}${d.slice(5, 7) !== date.slice(5, 7) && view === 'month' ? ' other' : ''}`,
      'data-day': d },
    h('button', { type: 'button', class: 'link day-link', onclick: () => go('day', d),
      'aria-label': `${tr('Xem ngày', 'Open day')} ${dayTitle(d)}` }, view === 'month' ? d.slice(8, 10) : dayTitle(d)),
    (byDay.get(d) ?? []).map(chip));
    if (view === 'day') {
      const list = byDay.get(date) ?? [];
      return [h('div', { class: 'cal-list' }, list.length ? list.map(chip) : h('p', { class: 'empty' }, tr('Ngày này không có cuộc họp.', 'No meetings on this day.')))];
    }
    return [h('div', { class: `cal-grid ${view}` },
      view === 'month' ? weekdaysShort().map((w) => h('div', { class: 'cal-head' }, w)) : null,
      days.map(cell))];
  });
  load();
  return h('section', {}, h('h1', { tabindex: '-1' }, tr('Lịch họp theo ngày, tuần, tháng', 'Meetings by day, week, month')), bar, title, out);
}
