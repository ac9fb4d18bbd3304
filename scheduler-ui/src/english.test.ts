// @vitest-environment happy-dom
// Every screen rendered in English from fixtures of the orchestrator's answers: no Vietnamese word may remain in
// what the user reads or hears (text, labels, placeholders, titles). Fixture data is ASCII on purpose, so any
// Vietnamese letter found came from the UI itself. Then the header's select switches back to Vietnamese.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, FakeEventSource } from './english.fixtures';

// happy-dom draws no canvas: the chart's words (title, aria-label, series names) are the UI's, checked here anyway.
vi.mock('uplot', () => ({ default: class { constructor() { /* nothing drawn */ } } }));

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** What a user reads or hears: text nodes and the attributes a screen reader speaks, outside lang="vi" parts. */
export function vietnameseLeft(root: Element): string[] {
  const found: string[] = [];
  const walk = (el: Element) => {
    if (el.getAttribute('lang') === 'vi') return;
    for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
      const v = el.getAttribute(a);
      if (v && VIETNAMESE.test(v)) found.push(`${el.tagName.toLowerCase()}[${a}]: ${v}`);
    }
    for (const n of el.childNodes) {
      if (n.nodeType === 3 && VIETNAMESE.test(n.textContent ?? '')) found.push(`${el.tagName.toLowerCase()}: ${n.textContent}`);
      if (n.nodeType === 1) walk(n as Element);
    }
  };
  walk(root);
  return found;
}

const settle = async () => { for (let i = 0; i < 6; i++) await new Promise((r) => setTimeout(r, 20)); };

async function rendered(make: () => HTMLElement): Promise<HTMLElement> {
  const main = document.getElementById('main')!;
  main.replaceChildren(make());
  await settle();
  return main;
}

beforeAll(() => {
  localStorage.setItem('hoinghi.lang', 'en');
  document.body.innerHTML = '<header><div class="brand">HoiNghi</div><nav id="nav"></nav></header><main id="main"></main>';
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const body = FIXTURES(url);
    return new Response(body === undefined ? '{"status":404}' : JSON.stringify(body),
      { status: body === undefined ? 404 : 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  (globalThis as { EventSource: unknown }).EventSource = FakeEventSource;
});
afterAll(() => localStorage.clear());

describe('English mode leaves no Vietnamese on any screen', () => {
  const screens: [string, () => Promise<() => HTMLElement>][] = [
    ['login', async () => { const { loginScreen } = await import('./screens/login'); return () => loginScreen(() => {}); }],
    ['meetings', async () => (await import('./screens/meetings')).meetingsScreen],
    ['meeting', async () => { const { meetingScreen } = await import('./screens/meeting'); return () => meetingScreen('1'); }],
    ['wall', async () => { const { wallScreen } = await import('./screens/wall'); return () => wallScreen('1'); }],
    ['book', async () => (await import('./screens/book')).bookScreen],
    ['calendar week', async () => { const { calendarScreen } = await import('./screens/calendar'); return () => calendarScreen(new URLSearchParams('view=week&date=2026-12-07')); }],
    ['calendar month', async () => { const { calendarScreen } = await import('./screens/calendar'); return () => calendarScreen(new URLSearchParams('view=month&date=2026-12-07')); }],
    ['calendar day', async () => { const { calendarScreen } = await import('./screens/calendar'); return () => calendarScreen(new URLSearchParams('view=day&date=2026-12-07')); }],
    ['unit', async () => (await import('./screens/unit')).unitScreen],
    ['readiness', async () => (await import('./screens/readiness')).readinessScreen],
    ['units readiness', async () => (await import('./screens/unitsReadiness')).unitsReadinessScreen],
    ['alerts', async () => (await import('./screens/alerts')).alertsScreen],
    ['fleet', async () => (await import('./screens/fleet')).fleetScreen],
    ['sites', async () => (await import('./screens/sites')).sitesScreen],
    ['capacity', async () => (await import('./screens/capacity')).capacityScreen],
    ['units report', async () => { const { reportScreen } = await import('./screens/report'); return () => reportScreen('#/reports'); }],
    ['meeting report', async () => { const { reportScreen } = await import('./screens/report'); return () => reportScreen('#/reports/meetings/1'); }],
  ];
  for (const [name, load] of screens) {
    it(name, async () => {
      const main = await rendered(await load());
      expect(main.querySelector('h1, h2')?.textContent, `${name} shows a heading`).toBeTruthy();
      expect(main.querySelector('[role=alert]'), `${name} rendered without error: ${main.textContent}`).toBeNull();
      expect(vietnameseLeft(main)).toEqual([]);
    });
  }

  it('the edit and cancel panels and the site tree', async () => {
    const main = await rendered((await import('./screens/meeting')).meetingScreen.bind(null, '1'));
    for (const name of ['Edit meeting', 'Cancel meeting']) {
      [...main.querySelectorAll('button')].find((b) => b.textContent === name)!.click();
      await settle();
      expect(main.querySelector('form'), name).not.toBeNull();
      expect(vietnameseLeft(main)).toEqual([]);
    }
    const book = await rendered((await import('./screens/book')).bookScreen);
    const search = book.querySelector<HTMLInputElement>('#f-pick')!;
    search.value = 'ha noi';
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(book.querySelectorAll('[role=treeitem]').length).toBeGreaterThan(0);
    expect(vietnameseLeft(book)).toEqual([]);
  });
});

describe('the header', () => {
  it('is English, and its language select switches the screen back to Vietnamese', async () => {
    location.hash = '#/meetings';
    await import('./main');
    await settle();
    const header = document.querySelector('header')!;
    expect(document.documentElement.lang).toBe('en');
    expect(vietnameseLeft(header)).toEqual([]);
    expect(header.textContent).toContain('Log out');
    const select = document.querySelector<HTMLSelectElement>('#f-lang')!;
    expect(document.querySelector('label[for=f-lang]')?.textContent).toBe('Language');
    select.value = 'vi';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(localStorage.getItem('hoinghi.lang')).toBe('vi');
    expect(document.querySelector('main h1')?.textContent).toBe('Lịch họp');
    expect(header.textContent).toContain('Đăng xuất');
  });
});
