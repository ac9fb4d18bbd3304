// The wall's dial-out panel: every attempt per room system, and Retry / Escalate with a confirm step. A refusal
// (409 call-already-up, call-ringing, meeting-not-live…) shows the problem's own message.
import { ApiError, call, get } from '../api';
import { h, table } from '../dom';
import { formatTime } from '../format';
import { tr } from '../i18n';
import { dialsBySite, type DialAttempt, type SiteDials } from '../charts/dialAttempts';
import { can } from '../roles';
import { session } from '../session';

const rungName = (r: string) => (r === 'jibri' ? tr('Hình (Jibri)', 'Video (Jibri)') : r === 'jigasi' ? tr('Tiếng (Jigasi)', 'Audio (Jigasi)') : tr('Điện thoại', 'Phone'));
const outcomeName = (o: string): string => ({
  CONNECTED: tr('Đã kết nối', 'Connected'), FAILED: tr('Không được', 'Failed'), UNKNOWN: tr('Không rõ', 'Unknown'),
  HUNG_UP: tr('Đã gác máy', 'Hung up'), PENDING: tr('Đang đổ chuông', 'Ringing'),
}[o] ?? o);

/** A button that asks once more before it acts; `act` resolves to the line shown after success. */
function confirmed(text: string, question: string, act: () => Promise<string>, status: HTMLElement): HTMLElement {
  const box = h('span', { class: 'confirm' });
  const idle = () => box.replaceChildren(h('button', { type: 'button', onclick: ask }, text));
  function ask() {
    box.replaceChildren(h('span', {}, question, ' '),
      h('button', { type: 'button', class: 'danger', onclick: go }, tr('Xác nhận', 'Confirm')), ' ',
      h('button', { type: 'button', onclick: idle }, tr('Huỷ', 'Cancel')));
  }
  async function go() {
    box.replaceChildren(h('span', { class: 'muted' }, tr('Đang gửi…', 'Sending…')));
    try {
      status.className = 'ok';
      status.textContent = await act();
    } catch (e) {
      status.className = 'alert';
      status.textContent = e instanceof ApiError ? e.shown.message : String(e);
    }
    idle();
  }
  idle();
  return box;
}

function siteRow(base: string, s: SiteDials, status: HTMLElement, reload: () => void, acts: boolean): HTMLElement {
  const path = `${base}/room-systems/${encodeURIComponent(s.site)}`;
  const retry = confirmed(tr('Gọi lại', 'Retry'), tr(`Gọi lại ${s.site} ngay?`, `Redial ${s.site} now?`), async () => {
    await call('POST', `${path}/retry`);
    reload();
    return tr(`Đã xếp lịch gọi lại ${s.site}.`, `A redial of ${s.site} is on its way.`);
  }, status);
  const escalate = confirmed(tr('Báo lên', 'Escalate'),
    tr(`Báo động và nhắn tin cho đầu mối của ${s.site}?`, `Alert and text the contacts of ${s.site}?`), async () => {
      const r = await call<{ textsSent: number; textsFailed: number }>('POST', `${path}/escalate`, {});
      return tr(`Đã báo lên; nhắn được ${r.textsSent} tin, lỗi ${r.textsFailed}.`, `Escalated; ${r.textsSent} texts sent, ${r.textsFailed} failed.`);
    }, status);
  const attempts = s.attempts.length
    ? h('ol', { class: 'attempts' }, s.attempts.map((a: DialAttempt) => h('li', { 'data-outcome': a.outcome },
      `${formatTime(a.startedAt)} · ${rungName(a.rung)} · ${outcomeName(a.outcome)}`, a.reason ? h('span', { class: 'muted' }, ` (${a.reason})`) : '')))
    : h('span', { class: 'muted' }, tr('Chưa gọi lần nào', 'Not dialled yet'));
  return h('div', { class: 'dial-site', 'data-site': s.site }, h('h3', {}, s.site), attempts,
    acts ? h('p', {}, s.canRetry ? retry : '', ' ', escalate) : '');
}

/** The panel for the room-system sites of meeting `base`; refreshes on `refresh()` (e.g. a call event). */
export function dialActions(base: string, sites: string[],
  onAttempts: (all: DialAttempt[]) => void = () => {}): { panel: HTMLElement; refresh: () => void } {
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const list = h('div');
  const refresh = () => {
    // Secretariat and observers see the attempts; only operators and admins get the buttons (as the API allows).
    Promise.all([get<DialAttempt[]>(`${base}/dial-attempts`), session().catch(() => null)])
      .then(([all, me]) => { onAttempts(all); return list.replaceChildren(...(sites.length
        ? dialsBySite(sites, all).map((s) => siteRow(base, s, status, refresh, can(me?.roles ?? [], 'dialActions')))
        : [table([], [], tr('Cuộc họp này không mời thiết bị phòng họp nào.', 'This meeting invites no room system.'))])); })
      .catch((e) => { list.replaceChildren(h('p', { class: 'alert' }, e instanceof ApiError ? e.shown.message : String(e))); });
  };
  refresh();
  return { panel: h('div', { class: 'dial-actions' }, status, list), refresh };
}
