import './style.css';
import { alertBox, h, leaveScreen } from './dom';
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
const NAV: [string, string, Action?][] = [
  ['#/unit', 'Đơn vị của tôi', 'unit'], ['#/meetings', 'Lịch họp'], ['#/calendar', 'Xem lịch'], ['#/book', 'Đặt lịch', 'book'], ['#/sites', 'Đơn vị'],
  ['#/capacity', 'Năng lực', 'capacity'], ['#/fleet', 'Máy chủ', 'fleet'],
  ['#/readiness', 'Máy các đơn vị', 'unitsReadiness'], ['#/alerts', 'Cảnh báo', 'alerts'], ['#/reports', 'Báo cáo', 'reports'],
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
  if (!me) return [h('a', { href: '#/login', class: 'right' }, 'Đăng nhập')];
  const out = h('button', { type: 'button', class: 'logout', onclick: async () => {
    try {
      await logout();
      location.hash = '#/login';
    } catch (e) {
      document.getElementById('main')!.prepend(alertBox(
        `Chưa đăng xuất được: ${e instanceof Error ? e.message : String(e)}`));
    }
  } }, 'Đăng xuất');
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
  nav.replaceChildren(...(me ? NAV : []).filter(([, , action]) => !action || can(me!.roles, action)).map(([href, text]) =>
    h('a', { href, 'aria-current': route.startsWith(href) ? 'page' : undefined }, text)), ...who(me));
}

function render(): void {
  const route = location.hash || '#/meetings';
  leaveScreen();
  const main = document.getElementById('main')!;
  main.replaceChildren(screen(route));
  main.querySelector<HTMLElement>('h1')?.focus?.();
  void header(route);
}

window.addEventListener('hashchange', render);
render();
