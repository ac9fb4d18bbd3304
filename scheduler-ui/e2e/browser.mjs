// Debian's Chromium through playwright-core (which never downloads a browser), headless, quiet, in Vietnamese.
import { chromium } from 'playwright-core';

export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-component-update', '--disable-sync', '--lang=vi-VN', ...extraArgs],
  });
}
