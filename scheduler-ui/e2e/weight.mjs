// What a page really costs: the bytes the browser received for it (bodies as sent, headers included), from a fresh
// context with an empty cache, once the network is quiet.
export async function pageWeight(browser, base, route, cookies) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const requests = [];
  page.on('requestfinished', (r) => requests.push(r));
  await page.goto(`${base}/${route}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  if (new URL(page.url()).hash !== route) throw new Error(`${route} led to ${page.url()} (not logged in?)`);
  let bytes = 0;
  for (const r of requests) {
    const s = await r.sizes();
    bytes += s.responseBodySize + s.responseHeadersSize;
  }
  await context.close();
  return { route, bytes, requests: requests.length };
}
