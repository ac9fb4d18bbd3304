// End-to-end smoke test of the scheduler UI against a running orchestrator (./bin/demo):
//   node e2e/smoke.mjs http://localhost:8080 /tmp/ui-shots
// Uses Debian's Chromium through playwright-core (which never downloads a browser). Exits 1 on any failure.
import { mkdirSync } from 'node:fs';
import { launch } from './browser.mjs';
import { join } from 'node:path';

const [base = 'http://localhost:8080', shots = 'target/e2e-shots'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

function hanoiDate(plusDays) {
  const d = new Date(Date.now() + 7 * 3600_000 + plusDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

// A host never chairs two meetings at once, so each run books its own slot (reruns against one demo still pass).
const day = hanoiDate(3 + Math.floor(Math.random() * 60));
const hour = String(6 + Math.floor(Math.random() * 14)).padStart(2, '0');

let step = 'start';
let page;
const browser = await launch();
try {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(15_000);
  const nav = (name) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  const shot = async (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  step = 'login page';
  await page.goto(`${base}/#/login`);
  await page.getByLabel('Tên đăng nhập').fill('thuky');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  step = 'wrong password is refused in Vietnamese';
  await page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();
  await shot('1-dang-nhap-loi');
  await page.getByLabel('Mật khẩu').fill('hoinghi-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  step = 'meetings list shows the demo briefing';
  // A booked occurrence: on a demo this test ran against before, the earlier ones are cancelled.
  const briefing = page.getByRole('row').filter({ hasText: 'Đã đặt' })
    .getByRole('link', { name: 'Giao ban trực tuyến toàn ngành Tư pháp' }).first();
  await briefing.waitFor();
  step = 'the header names who is logged in, with the role in Vietnamese';
  await page.getByTestId('who').filter({ hasText: 'Thư ký/Văn phòng' }).waitFor();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  await shot('2-lich-hop');

  step = 'meeting detail, its roll-call following the live stream';
  await briefing.click();
  await page.getByRole('heading', { name: 'Giao ban trực tuyến toàn ngành Tư pháp' }).waitFor();
  await page.getByRole('heading', { name: /Điểm cầu được mời/ }).waitFor();
  await page.getByRole('columnheader', { name: 'Điểm danh' }).first().waitFor();
  await page.getByRole('status').filter({ hasText: 'Trực tiếp' }).waitFor();
  await shot('3-chi-tiet');

  step = 'booking form refuses an unknown host next to its field';
  await nav('Đặt lịch');
  const title = `Kiểm thử giao diện ${Date.now()}`;
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Mã điểm cầu chủ trì').fill('KHONG-CO');
  await page.getByLabel('Ngày').fill(day);
  await page.getByLabel('Giờ bắt đầu').fill(`${hour}:00`);
  await page.getByLabel('Giờ kết thúc').fill(`${hour}:30`);
  await page.getByLabel('Mã các đơn vị').fill('STP-HPG');
  await page.getByRole('button', { name: 'Đặt lịch' }).click();
  await page.locator('.field[data-field=hostSite] .field-error').filter({ hasText: /\S/ }).waitFor();
  await shot('4-dat-lich-loi');

  step = 'booking a meeting hosted by STP-HNI, inviting STP-HPG';
  // Nobody joins a room in this test, so its live stream is played by the test: first "ready", then (after the
  // browser's reconnect) STP-HPG joining; from then on the roll-call the page re-reads says STP-HPG is present.
  // The reconnect waits 1.5 s, well after the page's re-read on "ready", so only the join can show STP-HPG present.
  let streams = 0;
  let joined = false;
  await page.route('**/api/v1/meetings/*/events', (r) => {
    joined = ++streams > 1;
    const body = joined ? 'retry: 60000\nevent: joined\ndata: {"site":"STP-HPG"}\n\n' : 'retry: 1500\nevent: ready\ndata: {}\n\n';
    return r.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body });
  });
  await page.route('**/api/v1/meetings/*/attendance', async (r) => {
    const real = await r.fetch();
    const rows = await real.json();
    const present = { state: 'PRESENT', firstJoined: new Date().toISOString(), endpoints: 1 };
    return r.fulfill({ response: real, json: rows.map((a) => (joined && a.site === 'STP-HPG' ? { ...a, ...present } : a)) });
  });
  await page.getByLabel('Mã điểm cầu chủ trì').fill('STP-HNI');
  await page.getByRole('button', { name: 'Đặt lịch' }).click();
  await page.getByRole('heading', { name: title }).waitFor();
  await page.getByRole('cell', { name: 'STP-HPG', exact: true }).first().waitFor();
  step = 'a join on the live stream shows in the roll-call without a reload';
  await page.locator('[data-attendance="STP-HPG"]').filter({ hasText: 'Có mặt' }).waitFor();
  await page.unrouteAll();
  await shot('5-da-dat');

  step = 'the new meeting appears in the list';
  await nav('Lịch họp');
  await page.getByLabel('Từ ngày').fill(day);
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('link', { name: title }).waitFor();

  step = 'site search ignores diacritics';
  await nav('Đơn vị');
  await page.getByRole('searchbox').fill('dak lak');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.getByRole('cell', { name: /Đắk Lắk/ }).first().waitFor();
  await shot('6-don-vi');

  step = 'capacity per region';
  await nav('Năng lực');
  for (const r of ['Miền Bắc', 'Miền Trung', 'Miền Nam']) await page.getByRole('heading', { name: r, exact: true }).waitFor();
  await shot('7-nang-luc');

  step = 'editing a demo meeting: an end before the start is refused next to its field';
  await nav('Lịch họp');
  await page.getByRole('link', { name: /^Họp Sở Tư pháp Hà Nội với các phòng THADS khu vực/ }).first().click();
  await page.getByRole('button', { name: 'Sửa cuộc họp' }).click();
  const edited = `Họp Sở Tư pháp Hà Nội với các phòng THADS khu vực (sửa ${Date.now() % 100000})`;
  await page.getByLabel('Tiêu đề').fill(edited);
  const endTime = await page.getByLabel('Giờ kết thúc').inputValue();
  await page.getByLabel('Giờ kết thúc').fill('00:30');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.locator('form[aria-label="Sửa cuộc họp"] .field[data-field=end] .field-error').filter({ hasText: /\S/ }).waitFor();
  await shot('8-sua-loi');
  step = 'editing a demo meeting: the new title is saved';
  await page.getByLabel('Giờ kết thúc').fill(endTime);
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.getByRole('heading', { name: edited, exact: true }).waitFor();
  await shot('9-da-sua');

  step = 'cancelling one occurrence of the weekly briefing, after a confirmation';
  await nav('Lịch họp');
  await page.getByLabel('Trạng thái').selectOption('BOOKED');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('link', { name: 'Giao ban trực tuyến toàn ngành Tư pháp' }).first().click();
  await page.getByRole('heading', { name: 'Giao ban trực tuyến toàn ngành Tư pháp' }).waitFor();
  const when = await page.locator('dl.facts dd').nth(2).innerText();
  await page.getByRole('button', { name: 'Huỷ cuộc họp' }).click();
  const only = page.getByRole('radio', { name: 'Chỉ buổi này' });
  if (!(await only.isChecked())) throw new Error('"Chỉ buổi này" is not the default scope');
  await shot('10-xac-nhan-huy');
  await page.getByRole('button', { name: 'Xác nhận huỷ' }).click();
  await page.locator('dl.facts .status').filter({ hasText: 'Đã huỷ' }).waitFor();
  step = 'the rest of the series is still booked';
  await nav('Lịch họp');
  await page.getByLabel('Trạng thái').selectOption('BOOKED');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('link', { name: 'Giao ban trực tuyến toàn ngành Tư pháp' }).first().waitFor();
  const rows = await page.getByRole('row').filter({ hasText: 'Giao ban trực tuyến' }).allInnerTexts();
  if (rows.some((r) => r.includes(when))) throw new Error(`the occurrence of ${when} is still listed as booked`);
  await shot('11-sau-khi-huy');

  step = 'logging out ends the session';
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  const me = await page.request.get(`${base}/api/v1/me`);
  if (me.status() !== 401) throw new Error(`GET /api/v1/me after logout answered ${me.status()}`);
  step = 'a protected page then sends you to login';
  await page.goto(`${base}/#/meetings`);
  await page.waitForURL(/#\/login$/);
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await shot('12-da-dang-xuat');

  if (errors.length) throw new Error(`JavaScript errors on the page: ${errors.join('; ')}`);
  console.log(`OK: scheduler UI smoke test passed; screenshots in ${shots}`);
} catch (e) {
  const shown = page ? await page.locator('[role=alert]').allInnerTexts().catch(() => []) : [];
  console.error(`FAILED at "${step}": ${e instanceof Error ? e.message.split('\n')[0] : e}`
    + (shown.length ? `\n  the page shows: ${shown.join(' | ')}` : ''));
  if (page) await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
