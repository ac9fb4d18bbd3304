// Debian's Chromium through playwright-core (which never downloads a browser), headless, quiet, in Vietnamese.
import { chromium } from 'playwright-core';

export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-component-update', '--disable-sync', '--lang=vi-VN', ...extraArgs],
  });
}

/** Says which step failed (and any alert the page shows), keeps a full-page picture, and makes the script exit 1. */
export async function reportFailure(page, step, error, shots, name) {
  const shown = page ? await page.locator('[role=alert]').allInnerTexts().catch(() => []) : [];
  console.error(`FAILED at "${step}": ${error instanceof Error ? error.message.split('\n')[0] : error}`
    + (shown.length ? `\n  the page shows: ${shown.join(' | ')}` : ''));
  if (page) await page.screenshot({ path: `${shots}/failure-${name}.png`, fullPage: true }).catch(() => {});
  process.exitCode = 1;
}
