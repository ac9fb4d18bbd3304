// The live end to end (issue 12): an operator's wall of a LIVE meeting fed by the real telemetry collector, and a
// real bridge (a fake JVB in its XMPP brewery) cordoned on the fleet page. Run by orchestrator's
// provisioning.xmpp.UiLiveEndToEndTest, which starts Prosody, the orchestrator, the collector and the meeting:
//   node --experimental-websocket e2e/live.mjs <base> <shots> <meetingId> <room> <collectorPort> <endpointId> <site> <bridge> <password>
// Screenshots at 1366×768, numbered from 60. Exits 1 on failure.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { BAD, GOOD, connect } from './rtcstats.mjs';

const [base, shots, meetingId, room, collectorPort, endpointId, site, bridge, password] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

let step = 'start';
let page;
let stream;
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(20_000);
  // A browser sends a window every 10 s for as long as it is in the meeting: windows go on until the wall shows
  // what is expected (the first ones may be folded before the orchestrator has answered who the endpoint is).
  const feedUntil = async (quality, expected) => {
    for (let i = 0; i < 30 && !(await expected.isVisible()); i++) {
      await stream.windows(1, quality);
      await page.waitForTimeout(500);
    }
    await expected.waitFor({ timeout: 5_000 });
  };
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });

  step = 'the operator logs in';
  await page.goto(`${base}/#/login`);
  await page.getByLabel('Tên đăng nhập').fill('vanhanh');
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

  step = 'the wall of the LIVE meeting: roll-call shows the joined site';
  await page.goto(`${base}/#/meetings/${meetingId}/wall`);
  await page.getByRole('heading', { name: /^Màn hình trực:/ }).waitFor();
  await page.getByRole('row').filter({ hasText: site }).filter({ hasText: 'Có mặt' }).waitFor();
  // The charts below say 'Chưa có số liệu chất lượng theo thời gian' once they load, so name the wall's own line.
  await page.getByText('Chưa có số liệu chất lượng: chưa điểm cầu nào gửi về.').waitFor();
  await shot('60-man-hinh-truc-diem-danh');

  step = 'good rtcstats from the site: the wall turns green and says Tốt';
  stream = await connect(Number(collectorPort), { room, endpointId });
  const grade = page.locator(`.grade[data-site="${site}"]`);
  await feedUntil(GOOD, grade.and(page.locator('.g-good')).filter({ hasText: 'Tốt' }));
  const green = await grade.evaluate((el) => getComputedStyle(el).backgroundColor);
  if (green !== 'rgb(27, 127, 59)') throw new Error(`good is drawn in ${green}`);
  await shot('61-man-hinh-truc-tot');

  step = 'the same site turns bad: red, Rất kém';
  await feedUntil(BAD, grade.and(page.locator('.g-bad')).filter({ hasText: 'Rất kém' }));
  const red = await grade.evaluate((el) => getComputedStyle(el).backgroundColor);
  if (red !== 'rgb(176, 0, 32)') throw new Error(`bad is drawn in ${red}`);
  await shot('62-man-hinh-truc-rat-kem');

  step = 'the fleet page shows the bridge from its brewery, taking meetings';
  await page.goto(`${base}/#/fleet`);
  await page.locator(`[data-node-status="${bridge}"]`, { hasText: 'Đang nhận họp' }).waitFor();
  await shot('63-may-chu-that');

  step = 'the operator cordons it';
  await page.getByRole('button', { name: `Ngừng nhận họp mới: ${bridge}` }).click();
  await page.locator(`[data-node-status="${bridge}"]`, { hasText: 'Ngừng nhận họp mới' }).waitFor();
  await shot('64-may-chu-ngung-nhan');

  step = 'after a reload the cordon is still there (stored, not just on the page)';
  await page.goto(`${base}/#/meetings`);
  await page.goto(`${base}/#/fleet`);
  await page.locator(`[data-node-status="${bridge}"]`, { hasText: 'Ngừng nhận họp mới' }).waitFor();

  if (errors.length) throw new Error(`JavaScript errors on the page: ${errors.join('; ')}`);
  console.log(`OK: live wall and cordon passed; screenshots in ${shots}`);
} catch (e) {
  const shown = page ? await page.locator('[role=alert]').allInnerTexts().catch(() => []) : [];
  console.error(`FAILED at "${step}": ${e instanceof Error ? e.message.split('\n')[0] : e}`
    + (shown.length ? `\n  the page shows: ${shown.join(' | ')}` : ''));
  if (page) await page.screenshot({ path: join(shots, 'failure-live.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  stream?.close();
  await browser.close();
}
