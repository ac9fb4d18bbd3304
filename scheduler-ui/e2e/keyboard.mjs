// End to end with the keyboard only (issue 12), against a running orchestrator with the demo Ministry:
//   node e2e/keyboard.mjs http://localhost:8080 target/e2e-shots
// After opening the login page, every action is a key press: log in, reach the booking form through the menu, fill
// it, invite sites from the unit tree with the arrows (→ subordinates, Enter invites, ← back), book, switch the
// language to English with the header's select, open the English wall and the meeting list, log out. At each stop
// the focused control must show a visible outline and every form control on the page must have a label.
// Screenshots 40–49 at 1366×768. Exits 1 on failure.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, reportFailure } from './browser.mjs';

const [base = 'http://localhost:8080', shots = 'target/e2e-shots'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
// Before noon: Debian's headless Chromium shows time inputs with AM/PM, and typed morning hours need no AM/PM key.
const hour = String(6 + Math.floor(Math.random() * 6)).padStart(2, '0');

let step = 'start';
let page;
const browser = await launch();
try {
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(15_000);
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });
  const key = (k) => page.keyboard.press(k);
  const active = (fn) => page.evaluate(fn);

  /** Presses Tab (or Shift+Tab) until the focused element matches; fails if it never comes (a trap or a gap). */
  const tabTo = async (describe, test, back = false) => {
    for (let i = 0; i < 120; i++) {
      await key(back ? 'Shift+Tab' : 'Tab');
      if (await page.evaluate(test)) return visibleFocus(describe);
    }
    throw new Error(`Tab never reached ${describe}`);
  };
  /** The focused element draws an outline of at least 2 px (the amber focus ring), so a sighted user sees it. */
  const visibleFocus = async (describe) => {
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    if (ring.style === 'none' || ring.width < 2) throw new Error(`${describe} has no visible focus (${JSON.stringify(ring)})`);
  };
  const labelled = async (where) => {
    const bare = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.closest('label') || (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.getAttribute('name') ?? el.outerHTML.slice(0, 60)));
    if (bare.length) throw new Error(`controls without a label on ${where}: ${bare.join(', ')}`);
  };
  const isId = (id) => new Function(`return document.activeElement?.id === ${JSON.stringify(id)}`);
  const isLink = (text) => new Function(`const a = document.activeElement; return a?.tagName === 'A' && a.textContent.trim() === ${JSON.stringify(text)}`);
  const isButton = (text) => new Function(`const b = document.activeElement; return b?.tagName === 'BUTTON' && b.textContent.trim() === ${JSON.stringify(text)}`);

  step = 'log in with the keyboard';
  await page.goto(`${base}/#/login`);
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await tabTo('the user name', isId('f-username'));
  await page.keyboard.type('thuky');
  await key('Tab');
  await page.keyboard.type('hoinghi-demo');
  await key('Enter');
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

  step = 'the booking form through the menu';
  await tabTo('the menu link Đặt lịch', isLink('Đặt lịch'));
  await key('Enter');
  await page.getByRole('heading', { name: 'Đặt lịch họp' }).waitFor();
  await labelled('the booking form');
  step = 'Tab goes round the whole booking page: every control once, back to the start (no trap, no gap)';
  await tabTo('the language select', isId('f-lang'));
  await page.evaluate(() => { window.__seen = new Set([document.activeElement]); });
  for (let i = 0; i < 200; i++) {
    await key('Tab');
    if (await page.evaluate(() => { const el = document.activeElement; window.__seen.add(el); return el?.id === 'f-lang'; })) break;
  }
  const unreached = await page.evaluate(() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 && !window.__seen.has(el))
    .map((el) => el.id || el.getAttribute('name') || el.textContent.trim().slice(0, 30)));
  if (unreached.length) throw new Error(`Tab never reaches: ${unreached.join(', ')}`);
  if (!(await page.evaluate(isId('f-lang')))) throw new Error('Tab did not come round to the language select');
  const title = `Họp bằng bàn phím ${Date.now() % 100000}`;
  await tabTo('the title', isId('f-title'));
  await page.keyboard.type(title);
  await tabTo('the host', isId('f-hostSite'));
  await page.keyboard.type('STP-HNI');
  step = 'the date a year ahead, the times typed';
  // Tomorrow by default; the year segment one up puts the meeting beyond every other e2e run's slots.
  await tabTo('the date', isId('f-start'));
  await key('ArrowRight');
  await key('ArrowRight');
  await key('ArrowUp');
  await tabTo('the start time', isId('f-startTime'));
  await page.keyboard.type(`${hour}00`);
  await tabTo('the end time', isId('f-end'));
  await page.keyboard.type(`${hour}45`);
  const when = await page.evaluate(() => [document.getElementById('f-start').value, document.getElementById('f-startTime').value,
    document.getElementById('f-end').value]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(when[0]) || when[1] !== `${hour}:00` || when[2] !== `${hour}:45`) {
    throw new Error(`the typed date and times are ${when.join(' ')}`);
  }

  step = 'the unit tree: search, ↓ into it, → subordinates, Enter invites, ← back';
  await tabTo('the site search', isId('f-pick'));
  await page.keyboard.type('THADS-HNI');
  await page.getByRole('treeitem').first().waitFor();
  await key('ArrowDown');
  for (let i = 0; i < 30 && !(await active(() => document.activeElement?.dataset.code === 'THADS-HNI')); i++) await key('ArrowDown');
  if (!(await active(() => document.activeElement?.dataset.code === 'THADS-HNI'))) throw new Error('THADS-HNI is not in the tree');
  await visibleFocus('a tree item');
  await shot('40-ban-phim-cay-don-vi');
  await key('ArrowRight');
  await page.getByText(/^Đơn vị trực thuộc THADS-HNI/).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-level') === '2');
  await key('ArrowDown');
  const child = await active(() => document.activeElement?.dataset.code);
  await key('Enter');
  await key('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-level') === '1');
  for (let i = 0; i < 30 && !(await active(() => document.activeElement?.dataset.code === 'THADS-HNI')); i++) await key('ArrowDown');
  await key('Enter');
  const invited = await page.locator('#f-invites').inputValue();
  if (invited !== `${child}, THADS-HNI`) throw new Error(`the tree invited "${invited}", expected "${child}, THADS-HNI"`);
  await shot('41-ban-phim-da-moi');

  step = 'the live check, then booking with Enter on Đặt lịch';
  await page.getByTestId('booking-check').filter({ hasText: /Đặt được: \d+ điểm cầu/ }).waitFor();
  await tabTo('the submit button', isButton('Đặt lịch'));
  await shot('42-ban-phim-nut-dat-lich');
  await key('Enter');
  await page.getByRole('heading', { name: title }).waitFor();

  step = 'switching to English with the header select';
  await tabTo('the language select', isId('f-lang'), true);
  await key('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.getByRole('heading', { name: title }).waitFor();
  await page.getByRole('heading', { name: /^Invited sites/ }).waitFor();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  if (!(await page.evaluate(isId('f-lang')))) throw new Error('the focus left the language select when the page re-rendered');
  await visibleFocus('the language select');
  await shot('43-tieng-anh-cuoc-hop');

  step = "the English operators' wall by keyboard";
  await tabTo('the wall link', isLink('Operators’ wall (quality, roll-call)'));
  await key('Enter');
  await page.getByRole('heading', { name: /^Operators’ wall:/ }).waitFor();
  await page.getByRole('columnheader', { name: 'Roll-call' }).first().waitFor();
  await page.getByText('the telemetry collector does not answer').waitFor();
  await tabTo('the back link', isLink('‹ Back to the meeting'), true);
  await shot('44-tieng-anh-man-hinh-truc');

  step = 'the English meeting list';
  await tabTo('the menu link Meetings', isLink('Meetings'), true);
  await key('Enter');
  await page.getByRole('heading', { name: 'Meetings' }).waitFor();
  await page.getByRole('columnheader', { name: 'Host site' }).waitFor();
  await page.getByRole('cell', { name: 'Booked' }).first().waitFor();
  await labelled('the meeting list');
  await tabTo('the status filter', () => document.activeElement?.getAttribute('name') === 'status');
  await shot('45-tieng-anh-lich-hop');

  step = 'logging out in English, and the choice is remembered';
  await tabTo('Log out', isButton('Log out'), true);
  await key('Enter');
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await shot('46-tieng-anh-dang-nhap');

  if (errors.length) throw new Error(`JavaScript errors on the page: ${errors.join('; ')}`);
  console.log(`OK: keyboard-only booking and the English switch passed; screenshots in ${shots}`);
} catch (e) {
  await reportFailure(page, step, e, shots, 'keyboard');
} finally {
  await browser.close();
}
