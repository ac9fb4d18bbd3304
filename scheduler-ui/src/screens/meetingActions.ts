// The meeting page's changes: edit (title, agenda, time) and cancel, each with its series scope and the API's
// problem+json next to the field it names. Both send the version the user saw as If-Match.
import { ApiError, call, type Meeting } from '../api';
import { alertBox, clearFieldErrors, field, h, showFieldErrors } from '../dom';
import { formatDateTime } from '../format';
import {
  SCOPE_VI, cancelUrl, editFieldOf, editFormOf, editUrl, ifMatch, scopesFor, toEditRequest, type Scope,
} from '../meetingEdit';

function scopeChoice(m: Meeting, name: string): { box: HTMLElement | null; value: () => Scope } {
  const scopes = scopesFor(m);
  if (scopes.length === 1) return { box: null, value: () => 'ONE' };
  const box = h('fieldset', { class: 'scope' }, h('legend', {}, 'Áp dụng cho (cuộc họp định kỳ)'),
    scopes.map((s, i) => h('label', { class: 'check' },
      h('input', { type: 'radio', name, value: s, checked: i === 0 }), ` ${SCOPE_VI[s]}`)));
  return { box, value: () => (box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'ONE') as Scope };
}

/** The problem above the form, with a reload button when someone else changed the meeting first (412). */
function problemBox(e: unknown, unplaced: string[], reload: () => void): HTMLElement {
  if (!(e instanceof ApiError)) return alertBox(String(e));
  const box = alertBox(e.shown.message, unplaced);
  if (e.status === 412) box.append(h('p', {}, h('button', { type: 'button', onclick: reload }, 'Tải lại cuộc họp')));
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
  const save = h('button', { type: 'submit' }, 'Lưu thay đổi') as HTMLButtonElement;
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': 'Sửa cuộc họp' },
    h('h2', {}, 'Sửa cuộc họp'), msg,
    field('Tiêu đề', title, 'title'), field('Nội dung (agenda)', agenda, 'agenda'),
    h('div', { class: 'row' }, field('Ngày', date, 'start'), field('Giờ bắt đầu', startTime, 'startTime'),
      field('Giờ kết thúc', endTime, 'end')),
    scope.box,
    h('p', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: close }, 'Bỏ qua')));
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
  const confirm = h('button', { type: 'submit', class: 'danger' }, 'Xác nhận huỷ') as HTMLButtonElement;
  const form = h('form', { class: 'card', 'aria-label': 'Huỷ cuộc họp' },
    h('h2', {}, 'Huỷ cuộc họp?'),
    h('p', {}, `"${m.title}", ${formatDateTime(m.start)}. Các điểm cầu sẽ không vào được phòng họp đã huỷ.`),
    msg, scope.box, field('Lý do (không bắt buộc)', reason, 'reason'),
    h('p', { class: 'actions' }, confirm,
      h('button', { type: 'button', class: 'secondary', onclick: close }, 'Không huỷ')));
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
