// Đơn vị của tôi (UNIT_OPERATOR): the unit's coming meetings, each with one big join button (its /j/{token} link),
// the calendar subscription link, and the way to the readiness check.
import { call, get, query, type MeetingSummary, type Page, type SiteLink } from '../api';
import { h } from '../dom';
import { dayStart, formatDateTime, formatTime, isoDateInVietnam, STATUS_VI, label } from '../format';
import { session } from '../session';
import { guarded } from './guarded';
import { tr } from '../i18n';

async function meetingCard(m: MeetingSummary, site: string): Promise<HTMLElement> {
  const links = await get<SiteLink[]>(`/api/v1/meetings/${m.id}/links`).catch(() => [] as SiteLink[]);
  const mine = links.find((l) => l.site.toUpperCase() === site.toUpperCase());
  const open = m.status !== 'CANCELLED' && m.status !== 'ENDED' && m.status !== 'FAILED';
  return h('article', { class: `card meeting-card st-${m.status}`, 'data-meeting': m.id },
    h('h2', {}, m.title),
    h('p', { class: 'when' }, `${formatDateTime(m.start)} – ${formatTime(m.end)} · `,
      h('span', { class: 'status' }, label(STATUS_VI, m.status))),
    mine && open
      ? h('a', { class: 'join-big', href: mine.path, target: '_blank', rel: 'noopener' }, tr('VÀO HỌP', 'JOIN'))
      : h('p', { class: 'muted' }, open ? tr('Chưa có đường vào họp cho đơn vị này.', 'This site has no way in yet.')
        : tr('Cuộc họp không còn diễn ra.', 'The meeting is no longer on.')),
    h('p', {}, h('a', { href: `#/meetings/${m.id}` }, tr('Xem chi tiết cuộc họp', 'Meeting details'))));
}

function feedBox(site: string): HTMLElement {
  const out = h('div', { 'aria-live': 'polite' });
  const issue = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try {
      const f = await call<{ url: string }>('POST', `/api/v1/sites/${encodeURIComponent(site)}/calendar-feed`, {});
      const url = new URL(f.url, location.origin).href;
      const input = h('input', { id: 'f-feed', readonly: true, value: url, size: 60 }) as HTMLInputElement;
      out.replaceChildren(h('label', { for: 'f-feed' }, tr('Đường dẫn lịch (dán vào Outlook, Thunderbird hoặc điện thoại):',
        'Calendar link (paste into Outlook, Thunderbird or a phone):')),
        input, h('button', { type: 'button', onclick: () => { input.select(); void navigator.clipboard?.writeText(url); } }, tr('Sao chép', 'Copy')));
    } catch (e) {
      out.replaceChildren(h('p', { class: 'tone-bad' }, e instanceof Error ? e.message : String(e)));
    }
  } }, tr('Lấy đường dẫn lịch', 'Get the calendar link'));
  return h('section', { class: 'card' }, h('h2', {}, tr('Theo dõi lịch họp trên Outlook hoặc điện thoại', 'Follow the meetings in Outlook or on a phone')),
    h('p', {}, tr('Lịch họp của đơn vị tự hiện trong chương trình lịch. Lấy đường dẫn mới sẽ làm đường dẫn cũ hết hiệu lực.',
      'The unit’s meetings appear in the calendar program by themselves. A new link ends the old one.')),
    issue, out);
}

export function unitScreen(): HTMLElement {
  const out = h('div');
  const heading = h('h1', { tabindex: '-1' }, tr('Cuộc họp của đơn vị', 'The unit’s meetings'));
  void guarded(out, async () => {
    const me = await session();
    const site = me?.siteCode;
    if (!site) return h('p', { class: 'empty' }, tr('Tài khoản này không gắn với đơn vị nào.', 'This account belongs to no site.'));
    heading.textContent = tr(`Cuộc họp của đơn vị ${site}`, `Meetings of ${site}`);
    const today = isoDateInVietnam(new Date());
    const p = await get<Page<MeetingSummary>>('/api/v1/meetings' + query({ site, from: dayStart(today), size: 20 }));
    const cards = await Promise.all(p.items.filter((m) => m.status !== 'CANCELLED').map((m) => meetingCard(m, site)));
    return [
      h('p', { class: 'actions' }, h('a', { class: 'button-like', href: '#/unit/readiness' }, tr('Kiểm tra máy trước khi họp', 'Check this PC before the meeting'))),
      cards.length ? h('div', { class: 'cards' }, cards) : h('p', { class: 'empty' }, tr('Chưa có cuộc họp nào sắp tới.', 'No coming meetings.')),
      feedBox(site),
    ];
  });
  return h('section', {}, heading, out);
}
