import './style.css';
import { h } from './dom';
import { bookScreen } from './screens/book';
import { capacityScreen } from './screens/capacity';
import { loginScreen } from './screens/login';
import { meetingScreen } from './screens/meeting';
import { meetingsScreen } from './screens/meetings';
import { sitesScreen } from './screens/sites';

// Hash routes, so the orchestrator serves one static index.html and needs no fallback route.
const NAV: [string, string][] = [
  ['#/meetings', 'Lịch họp'], ['#/book', 'Đặt lịch'], ['#/sites', 'Đơn vị'], ['#/capacity', 'Năng lực'],
];

function screen(route: string): HTMLElement {
  const m = /^#\/meetings\/(\d+)$/.exec(route);
  if (m) return meetingScreen(m[1]);
  switch (route) {
    case '#/login': return loginScreen(() => { location.hash = '#/meetings'; });
    case '#/book': return bookScreen();
    case '#/sites': return sitesScreen();
    case '#/capacity': return capacityScreen();
    default: return meetingsScreen();
  }
}

function render(): void {
  const route = location.hash || '#/meetings';
  const nav = document.getElementById('nav')!;
  nav.replaceChildren(...NAV.map(([href, text]) =>
    h('a', { href, 'aria-current': route.startsWith(href) ? 'page' : undefined }, text)),
    h('a', { href: '#/login', class: 'right' }, 'Đăng nhập'));
  const main = document.getElementById('main')!;
  main.replaceChildren(screen(route));
  main.querySelector<HTMLElement>('h1')?.focus?.();
}

window.addEventListener('hashchange', render);
render();
