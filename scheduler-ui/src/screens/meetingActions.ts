// The meeting page's changes: edit (title, agenda, time) and cancel, each with its series scope and the API's
// problem+json next to the field it names. Both send the version the user saw as If-Match.
import { ApiError, call, type Meeting } from '../api';
import { alertBox, clearFieldErrors, field, h, showFieldErrors } from '../dom';
import { formatDateTime } from '../format';
import {
  SCOPE_VI, cancelUrl, editFieldOf, editFormOf, editUrl, ifMatch, scopesFor, toEditRequest, type Scope,
} from '../meetingEdit';
import { tr } from '../i18n';

function scopeChoice(m: Meeting, name: string): { box: HTMLElement | null; value: () => Scope } {
  const scopes = scopesFor(m);
  if (scopes.length === 1) return { box: null, value: () => 'ONE' };
  const box = h('fieldset', { class: 'scope' }, h('legend', {}, tr('Áp dụng cho (cuộc họp định kỳ)', 'Apply to (recurring meeting)')),
    scopes.map((s, i) => h('label', { class: 'check' },
      h('input', { type: 'radio', name, value: s, checked: i === 0 }), ` ${SCOPE_VI[s]}`)));
  return { box, value: () => (box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'ONE') as Scope };
}

/** The problem above the form, with a reload button when someone else changed the meeting first (412). */
function problemBox(e: unknown, unplaced: string[], reload: () => void): HTMLElement {
  if (!(e instanceof ApiError)) return alertBox(String(e));
  const box = alertBox(e.shown.message, unplaced);
  if (e.status === 412) box.append(h('p', {}, h('button', { type: 'button', onclick: reload }, tr('Tải lại cuộc họp', 'Reload the meeting'))));
  return box;
}

export function editForm(m: Meeting, done: () => void, close: () => void): HTMLElement {
  const v = editFormOf(m);
  const title = h('input', { name: 'title', required: true, maxlength: '300', value: v.title }) as HTMLInputElement;
  const agenda = h('textarea', { name: 'agenda', rows: 3 }, v.agenda) as HTMLTextAreaElement;
  const date = h('input', { type: 'date', name: 'date', required: true, value: v.date }) as HTMLInputElement;
  const startTime = h('input', { type: 'time', name: 'startTime', required: true, value: v.startTime }) as HTMLInputElement;
  const endTime = h('input', { type: 'time', name: 'endTime', required: true, value: v.endTime }) as HTMLInputElement;
  const scope = scopeChoice(m, 'edit-scope');
  const msg = h('div');
  const save = h('button', { type: 'submit' }, tr('Lưu thay đổi', 'Save changes')) as HTMLButtonElement;
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': tr('Sửa cuộc họp', 'Edit meeting') },
    h('h2', {}, tr('Sửa cuộc họp', 'Edit meeting')), msg,
    field(tr('Tiêu đề', 'Title'), title, 'title'), field(tr('Nội dung (agenda)', 'Agenda'), agenda, 'agenda'),
    h('div', { class: 'row' }, field(tr('Ngày', 'Date'), date, 'start'), field(tr('Giờ bắt đầu', 'Start time'), startTime, 'startTime'),
      field(tr('Giờ kết thúc', 'End time'), endTime, 'end')),
    scope.box,
    h('p', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: close }, tr('Bỏ qua', 'Discard'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    msg.replaceChildren();
    clearFieldErrors(form);
    save.disabled = true;
    try {
      await call('PUT', editUrl(m.id, scope.value()), toEditRequest(m, {
        title: title.value, agenda: agenda.value, date: date.value, startTime: startTime.value, endTime: endTime.value,
      }), ifMatch(m));
      done();
    } catch (e) {
      const unplaced = e instanceof ApiError
        ? [...e.shown.general, ...showFieldErrors(form, e.shown.fields, editFieldOf)] : [];
      msg.replaceChildren(problemBox(e, unplaced, done));
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

/** Asks before cancelling: which occurrences, an optional reason, then "Xác nhận huỷ". */
export function cancelPanel(m: Meeting, done: () => void, close: () => void): HTMLElement {
  const scope = scopeChoice(m, 'cancel-scope');
  const reason = h('input', { name: 'reason', maxlength: '300' }) as HTMLInputElement;
  const msg = h('div');
  const confirm = h('button', { type: 'submit', class: 'danger' }, tr('Xác nhận huỷ', 'Confirm cancelling')) as HTMLButtonElement;
  const form = h('form', { class: 'card', 'aria-label': tr('Huỷ cuộc họp', 'Cancel meeting') },
    h('h2', {}, tr('Huỷ cuộc họp?', 'Cancel the meeting?')),
    h('p', {}, `"${m.title}", ${formatDateTime(m.start)}. ${tr('Các điểm cầu sẽ không vào được phòng họp đã huỷ.',
      'Sites cannot enter a cancelled meeting.')}`),
    msg, scope.box, field(tr('Lý do (không bắt buộc)', 'Reason (optional)'), reason, 'reason'),
    h('p', { class: 'actions' }, confirm,
      h('button', { type: 'button', class: 'secondary', onclick: close }, tr('Không huỷ', 'Keep it'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    msg.replaceChildren();
    confirm.disabled = true;
    try {
      await call('POST', cancelUrl(m.id, scope.value(), reason.value), undefined, ifMatch(m));
      done();
    } catch (e) {
      msg.replaceChildren(problemBox(e, e instanceof ApiError ? [...e.shown.general] : [], done));
    } finally {
      confirm.disabled = false;
    }
  });
  return form;
}
