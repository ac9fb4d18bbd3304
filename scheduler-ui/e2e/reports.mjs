// End to end for reports seen by a unit (issue 14) against a running orchestrator with the demo Ministry:
//   node e2e/reports.mjs http://localhost:8080 target/e2e-shots
// A unit operator (STP-HNI) opens the report of a meeting its unit is invited to (only its own row), its unit
// report, and is refused another province's subtree (403 outside-scope). Screenshots 50–59 at 1366×768.
import { mkdirSync } from 'node:fs';
import { launch } from './browser.mjs';
import { join } from 'node:path';

const [base = 'http://localhost:8080', shots = 'target/e2e-shots'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

let step = 'start';
let page;
const browser = await launch([]);
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(20_000);
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });

  step = 'the unit operator of STP-HNI logs in';
  await page.goto(`${base}/#/login`);
  await page.getByLabel('Tên đăng nhập').fill('stp-hni');
  await page.getByLabel('Mật khẩu').fill('hoinghi-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

  step = 'a meeting STP-HNI is invited to';
  const list = await (await page.request.get(`${base}/api/v1/meetings?site=STP-HNI&size=5`)).json();
  if (!list.items?.length) throw new Error('no meeting invites STP-HNI in the demo');
  const id = list.items[0].id;

  step = 'its meeting report shows only its own unit';
  await page.goto(`${base}/#/reports/meetings/${id}`);
  await page.getByRole('heading', { name: `Báo cáo cuộc họp số ${id}` }).waitFor();
  // The header names the user's unit too, so wait for the report's own table, not just the code.
  await page.locator('table tbody tr', { hasText: '(STP-HNI)' }).first().waitFor();
  const rows = await page.locator('table tbody tr').count();
  if (rows !== 1) throw new Error(`the unit operator sees ${rows} rows, expected only its own`);
  await shot('50-unit-meeting-report');

  step = 'its unit report';
  await page.goto(`${base}/#/reports`);
  await page.getByRole('heading', { name: 'Báo cáo theo đơn vị' }).waitFor();
  await shot('51-unit-report');

  step = 'another province is outside its scope';
  const other = await page.request.get(`${base}/api/v1/reports/units?subtreeOf=STP-DNG`);
  const problem = await other.json();
  if (other.status() !== 403 || problem.code !== 'outside-scope') {
    throw new Error(`another subtree answered ${other.status()} ${JSON.stringify(problem)}`);
  }
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log(`OK: reports as a unit passed; screenshots in ${shots}`);
} catch (e) {
  console.error(`FAILED at "${step}": ${e.stack ?? e}`);
  if (page) await page.screenshot({ path: join(shots, 'failure-reports.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
