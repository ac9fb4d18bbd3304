import { ApiError, call, type Meeting } from '../api';
import { alertBox, clearFieldErrors, field, h, showFieldErrors } from '../dom';
import { KIND_VI, PARTICIPATION, REGION_VI, WAY_IN, isoDateInVietnam } from '../format';
import { formFieldOf, siteCodes, toRequest, type BookingForm } from '../booking';
import { bookFeedback } from './bookFeedback';
import { sitePicker } from './sitePicker';
import { tr } from '../i18n';

const input = (name: string, attrs: Record<string, string | boolean> = {}) =>
  h('input', { name, ...attrs }) as HTMLInputElement;
const select = (name: string, options: Record<string, string>) =>
  h('select', { name }, Object.entries(options).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;

export function bookScreen(): HTMLElement {
  const title = input('title', { required: true, maxlength: '300' });
  const agenda = h('textarea', { name: 'agenda', rows: 3 }) as HTMLTextAreaElement;
  const hostSite = input('hostSite', { required: true, placeholder: tr('VD: STP-HNI', 'e.g. STP-HNI') });
  const date = input('date', { type: 'date', required: true, value: isoDateInVietnam(new Date(), 1) });
  const startTime = input('startTime', { type: 'time', required: true, value: '08:00' });
  const endTime = input('endTime', { type: 'time', required: true, value: '10:00' });
  const weeks = input('weeks', { type: 'number', min: '1', max: '200', placeholder: tr('Để trống: một buổi', 'Empty: once') });
  const inviteCodes = h('textarea', { name: 'invites', rows: 2, placeholder: tr('VD: STP-HPG, THADS-HNI', 'e.g. STP-HPG, THADS-HNI') }) as HTMLTextAreaElement;
  const participation = select('participation', PARTICIPATION);
  const wayIn = select('wayIn', WAY_IN);
  const ruleRegion = select('ruleRegion', { '': tr('— Không mời theo quy tắc —', '— No invitation by rule —'), ...REGION_VI });
  const kindBoxes = Object.entries(KIND_VI).map(([v, t]) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'ruleKinds', value: v }), ` ${t}`));
  const ruleParticipation = select('ruleParticipation', { VIEWER: PARTICIPATION.VIEWER, INTERACTIVE: PARTICIPATION.INTERACTIVE });
  const msg = h('div');
  const picker = sitePicker((codes) => {
    inviteCodes.value = [...new Set([...siteCodes(inviteCodes.value), ...codes])].join(', ');
    inviteCodes.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const feedback = bookFeedback();
  const submit = h('button', { type: 'submit' }, tr('Đặt lịch', 'Book')) as HTMLButtonElement;

  const form = h('form', { class: 'card', novalidate: true },
    h('h1', {}, tr('Đặt lịch họp', 'Book a meeting')), msg,
    field(tr('Tiêu đề', 'Title'), title, 'title'), field(tr('Nội dung (agenda)', 'Agenda'), agenda, 'agenda'),
    field(tr('Mã điểm cầu chủ trì', 'Host site code'), hostSite, 'hostSite'),
    h('div', { class: 'row' }, field(tr('Ngày', 'Date'), date, 'start'), field(tr('Giờ bắt đầu', 'Start time'), startTime, 'startTime'),
      field(tr('Giờ kết thúc', 'End time'), endTime, 'end')),
    field(tr('Lặp lại hằng tuần (số buổi)', 'Weekly, number of occurrences'), weeks, 'rrule'),
    h('fieldset', {}, h('legend', {}, tr('Mời theo danh sách', 'Invite by list')),
      picker,
      field(tr('Mã các đơn vị', 'Site codes'), inviteCodes, 'invites', tr('Cách nhau bởi dấu phẩy, dấu cách hoặc xuống dòng.',
        'Separated by commas, spaces or new lines.')),
      h('div', { class: 'row' }, field(tr('Hình thức', 'Participation'), participation, 'participation'),
        field(tr('Cách tham gia', 'Way in'), wayIn, 'wayIn'))),
    h('fieldset', {}, h('legend', {}, tr('Mời theo quy tắc', 'Invite by rule')),
      field(tr('Miền', 'Region'), ruleRegion, 'inviteRules'),
      h('div', { class: 'checks', role: 'group', 'aria-label': tr('Loại đơn vị', 'Kinds of site') },
        h('span', {}, tr('Loại đơn vị:', 'Kinds of site:')), kindBoxes),
      field(tr('Hình thức', 'Participation'), ruleParticipation, 'ruleParticipation')),
    submit);

  const values = (): BookingForm => ({
    title: title.value, agenda: agenda.value, hostSite: hostSite.value, date: date.value,
    startTime: startTime.value, endTime: endTime.value, weeks: weeks.value, inviteCodes: inviteCodes.value,
    participation: participation.value, wayIn: wayIn.value, ruleRegion: ruleRegion.value,
    ruleKinds: [...form.querySelectorAll<HTMLInputElement>('input[name=ruleKinds]:checked')].map((c) => c.value),
    ruleParticipation: ruleParticipation.value,
  });

  // One key per filled-in form: a double click or a retry after a lost answer books once.
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });
  // Live feedback before saving: the same checks as the booking, nothing written.
  const recheck = (ev: Event) => {
    if ((ev.target as HTMLElement | null)?.closest('.picker')) return;
    feedback.changed(toRequest(values()));
  };
  form.addEventListener('input', recheck);
  form.addEventListener('change', recheck);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    msg.replaceChildren();
    clearFieldErrors(form);
    submit.disabled = true;
    try {
      const booked = await call<{ first?: Meeting }>('POST', '/api/v1/meetings', toRequest(values()),
        { 'Idempotency-Key': idempotencyKey });
      location.hash = booked?.first ? `#/meetings/${booked.first.id}` : '#/meetings';
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const unplaced = [...e.shown.general, ...showFieldErrors(form, e.shown.fields, formFieldOf)];
      msg.replaceChildren(alertBox(e.shown.message, unplaced));
      msg.scrollIntoView();
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'book-layout' }, form,
    h('aside', { class: 'card check-panel', 'aria-label': tr('Kiểm tra trước khi lưu', 'Check before saving') },
      h('h2', {}, tr('Kiểm tra trước khi lưu', 'Check before saving')), feedback.panel));
}
