import './style.css';
import { alertBox, h, leaveScreen } from './dom';
import { lang, setLang, tr, type Lang } from './i18n';
import { can, rolesVi, type Action } from './roles';
import { alertsScreen } from './screens/alerts';
import { bookScreen } from './screens/book';
import { calendarScreen } from './screens/calendar';
import { capacityScreen } from './screens/capacity';
import { readinessScreen } from './screens/readiness';
import { unitScreen } from './screens/unit';
import { unitsReadinessScreen } from './screens/unitsReadiness';
import { fleetScreen } from './screens/fleet';
import { loginScreen } from './screens/login';
import { meetingScreen } from './screens/meeting';
import { meetingsScreen } from './screens/meetings';
import { reportScreen } from './screens/report';
import { sitesScreen } from './screens/sites';
import { wallScreen } from './screens/wall';
import { forgetSession, logout, session, type Me } from './session';

// Hash routes, so the orchestrator serves one static index.html and needs no fallback route.
// A link with an action is shown only to roles the API lets do it.
const NAV: [string, [string, string], Action?][] = [
  ['#/unit', ['Đơn vị của tôi', 'My unit'], 'unit'], ['#/meetings', ['Lịch họp', 'Meetings']],
  ['#/calendar', ['Xem lịch', 'Calendar']], ['#/book', ['Đặt lịch', 'Book'], 'book'], ['#/sites', ['Đơn vị', 'Sites']],
  ['#/capacity', ['Năng lực', 'Capacity'], 'capacity'], ['#/fleet', ['Máy chủ', 'Servers'], 'fleet'],
  ['#/readiness', ['Máy các đơn vị', 'Units’ PCs'], 'unitsReadiness'], ['#/alerts', ['Cảnh báo', 'Alerts'], 'alerts'],
  ['#/reports', ['Báo cáo', 'Reports'], 'reports'],
];

function screen(route: string): HTMLElement {
  const m = /^#\/meetings\/(\d+)$/.exec(route);
  if (m) return meetingScreen(m[1]);
  const w = /^#\/meetings\/(\d+)\/wall$/.exec(route);
  if (w) return wallScreen(w[1]);
  if (route.startsWith('#/reports')) return reportScreen(route);
  if (route.startsWith('#/calendar')) return calendarScreen(new URLSearchParams(route.split('?')[1] ?? ''));
  switch (route) {
    case '#/login': return loginScreen(() => { forgetSession(); location.hash = '#/meetings'; });
    case '#/book': return bookScreen();
    case '#/unit': return unitScreen();
    case '#/fleet': return fleetScreen();
    case '#/alerts': return alertsScreen();
    case '#/readiness': return unitsReadinessScreen();
    case '#/unit/readiness': return readinessScreen();
    case '#/sites': return sitesScreen();
    case '#/capacity': return capacityScreen();
    default: return meetingsScreen();
  }
}

function who(me: Me | null): HTMLElement[] {
  if (!me) return [h('a', { href: '#/login', class: 'right' }, tr('Đăng nhập', 'Log in'))];
  const out = h('button', { type: 'button', class: 'logout', onclick: async () => {
    try {
      await logout();
      location.hash = '#/login';
    } catch (e) {
      document.getElementById('main')!.prepend(alertBox(
        `${tr('Chưa đăng xuất được', 'Not logged out')}: ${e instanceof Error ? e.message : String(e)}`));
    }
  } }, tr('Đăng xuất', 'Log out'));
  return [h('span', { class: 'who right', 'data-testid': 'who' },
    h('strong', {}, me.displayName), ` · ${rolesVi(me.roles)}`, me.siteCode ? ` (${me.siteCode})` : null), out];
}

let rendered = 0;

async function header(route: string): Promise<void> {
  const nav = document.getElementById('nav')!;
  const mine = ++rendered;
  const me = await session().catch(() => null);
  if (mine !== rendered) return; // the user moved on meanwhile
  if (!me && route !== '#/login') {
    location.hash = '#/login';
    return;
  }
  nav.replaceChildren(...(me ? NAV : []).filter(([, , action]) => !action || can(me!.roles, action)).map(([href, [vi, en]]) =>
    h('a', { href, 'aria-current': route.startsWith(href) ? 'page' : undefined }, tr(vi, en))), ...who(me));
}

/** The language select (before the menu, so it is reached early by Tab): a change re-renders the screen in place. */
function languageChoice(): HTMLElement {
  const pick = h('select', { id: 'f-lang', name: 'lang', onchange: () => {
    setLang(pick.value as Lang);
    render();
  } }, h('option', { value: 'vi', lang: 'vi' }, 'Tiếng Việt'), h('option', { value: 'en', lang: 'en' }, 'English')) as HTMLSelectElement;
  pick.value = lang();
  return h('span', { class: 'lang' }, h('label', { for: 'f-lang' }, tr('Ngôn ngữ', 'Language')), ' ', pick);
}

/** What index.html says outside the screens, in the chosen language. */
function frame(): void {
  const name = tr('HoiNghi — Hội nghị truyền hình Bộ Tư pháp', 'HoiNghi — Ministry of Justice video conferences');
  document.documentElement.lang = lang();
  document.title = name;
  document.querySelector('.brand')!.textContent = name;
  document.getElementById('nav')!.setAttribute('aria-label', tr('Chức năng', 'Menu'));
  const had = document.getElementById('f-lang') === document.activeElement;
  const choice = languageChoice();
  const old = document.querySelector('header .lang');
  if (old) old.replaceWith(choice); else document.querySelector('.brand')!.after(choice);
  if (had) choice.querySelector('select')!.focus(); // a keyboard user stays on the select after switching
}

function render(): void {
  const route = location.hash || '#/meetings';
  leaveScreen();
  frame();
  const main = document.getElementById('main')!;
  main.replaceChildren(screen(route));
  if (document.activeElement?.id !== 'f-lang') main.querySelector<HTMLElement>('h1')?.focus?.();
  void header(route);
}

window.addEventListener('hashchange', render);
render();
