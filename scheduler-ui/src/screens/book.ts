import { ApiError, call, type Meeting } from '../api';
import { alertBox, clearFieldErrors, field, h, showFieldErrors } from '../dom';
import { KIND_VI, REGION_VI, isoDateInVietnam } from '../format';
import { formFieldOf, siteCodes, toRequest, type BookingForm } from '../booking';
import { bookFeedback } from './bookFeedback';
import { sitePicker } from './sitePicker';

const input = (name: string, attrs: Record<string, string | boolean> = {}) =>
  h('input', { name, ...attrs }) as HTMLInputElement;
const select = (name: string, options: Record<string, string>) =>
  h('select', { name }, Object.entries(options).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;

export function bookScreen(): HTMLElement {
  const title = input('title', { required: true, maxlength: '300' });
  const agenda = h('textarea', { name: 'agenda', rows: 3 }) as HTMLTextAreaElement;
  const hostSite = input('hostSite', { required: true, placeholder: 'VD: STP-HNI' });
  const date = input('date', { type: 'date', required: true, value: isoDateInVietnam(new Date(), 1) });
  const startTime = input('startTime', { type: 'time', required: true, value: '08:00' });
  const endTime = input('endTime', { type: 'time', required: true, value: '10:00' });
  const weeks = input('weeks', { type: 'number', min: '1', max: '200', placeholder: 'Để trống: một buổi' });
  const inviteCodes = h('textarea', { name: 'invites', rows: 2, placeholder: 'VD: STP-HPG, THADS-HNI' }) as HTMLTextAreaElement;
  const participation = select('participation', { INTERACTIVE: 'Tương tác', VIEWER: 'Theo dõi' });
  const wayIn = select('wayIn', { BROWSER: 'Trình duyệt', ROOM_SYSTEM: 'Thiết bị phòng họp (SIP/H.323)', AUDIO: 'Âm thanh' });
  const ruleRegion = select('ruleRegion', { '': '— Không mời theo quy tắc —', ...REGION_VI });
  const kindBoxes = Object.entries(KIND_VI).map(([v, t]) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'ruleKinds', value: v }), ` ${t}`));
  const ruleParticipation = select('ruleParticipation', { VIEWER: 'Theo dõi', INTERACTIVE: 'Tương tác' });
  const msg = h('div');
  const picker = sitePicker((codes) => {
    inviteCodes.value = [...new Set([...siteCodes(inviteCodes.value), ...codes])].join(', ');
    inviteCodes.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const feedback = bookFeedback();
  const submit = h('button', { type: 'submit' }, 'Đặt lịch') as HTMLButtonElement;

  const form = h('form', { class: 'card', novalidate: true },
    h('h1', {}, 'Đặt lịch họp'), msg,
    field('Tiêu đề', title, 'title'), field('Nội dung (agenda)', agenda, 'agenda'),
    field('Mã điểm cầu chủ trì', hostSite, 'hostSite'),
    h('div', { class: 'row' }, field('Ngày', date, 'start'), field('Giờ bắt đầu', startTime, 'startTime'),
      field('Giờ kết thúc', endTime, 'end')),
    field('Lặp lại hằng tuần (số buổi)', weeks, 'rrule'),
    h('fieldset', {}, h('legend', {}, 'Mời theo danh sách'),
      picker,
      field('Mã các đơn vị', inviteCodes, 'invites', 'Cách nhau bởi dấu phẩy, dấu cách hoặc xuống dòng.'),
      h('div', { class: 'row' }, field('Hình thức', participation, 'participation'), field('Cách tham gia', wayIn, 'wayIn'))),
    h('fieldset', {}, h('legend', {}, 'Mời theo quy tắc'),
      field('Miền', ruleRegion, 'inviteRules'),
      h('div', { class: 'checks' }, h('span', {}, 'Loại đơn vị:'), kindBoxes),
      field('Hình thức', ruleParticipation, 'ruleParticipation')),
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
    h('aside', { class: 'card check-panel', 'aria-label': 'Kiểm tra trước khi lưu' },
      h('h2', {}, 'Kiểm tra trước khi lưu'), feedback.panel));
}
