// The booking form's live feedback: a debounced dry run (POST /api/v1/meetings/check) after each change.
import { ApiError, call } from '../api';
import type { BookingRequest } from '../booking';
import { h } from '../dom';
import { debounce, summarize, type CheckResult } from '../check/summary';
import { tr } from '../i18n';

/** A panel plus `changed(request)` to call on every input; shows the newest answer only. */
export function bookFeedback(): { panel: HTMLElement; changed: (r: BookingRequest) => void } {
  const panel = h('div', { class: 'feedback', 'data-testid': 'booking-check', 'aria-live': 'polite', role: 'status' },
    h('p', { class: 'muted' }, tr('Điền giờ họp và các điểm cầu: hệ thống sẽ kiểm tra trùng lịch và năng lực trước khi lưu.',
      'Fill in the time and the sites: clashes and capacity are checked before saving.')));
  let asked = 0;
  const run = debounce(async (r: BookingRequest) => {
    const mine = ++asked;
    panel.classList.add('busy');
    try {
      const result = await call<CheckResult>('POST', '/api/v1/meetings/check', r);
      if (mine !== asked) return;
      const s = summarize(result);
      panel.replaceChildren(h('p', { class: `tone-${s.headline.tone}` }, h('strong', {}, s.headline.text)),
        h('ul', {}, s.lines.map((l) => h('li', { class: `tone-${l.tone}` }, l.text))));
    } catch (e) {
      if (mine !== asked) return;
      // An unfinished form is normal while typing: say what is missing, softly.
      const text = e instanceof ApiError ? e.shown.message : tr('Chưa kiểm tra được.', 'Not checked yet.');
      const extra = e instanceof ApiError ? Object.values(e.shown.fields).flat().slice(0, 4) : [];
      panel.replaceChildren(h('p', { class: 'tone-warn' }, text), h('ul', {}, extra.map((t) => h('li', {}, t))));
    } finally {
      if (mine === asked) panel.classList.remove('busy');
    }
  }, 500);
  return { panel, changed: run };
}
