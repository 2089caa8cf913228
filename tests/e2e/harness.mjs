// What every end-to-end test file shares: where the built app, Chromium and the screenshots
// are, and how Chromium is started on this closed network (no background connections).

import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The repository root. */
export const ROOT = resolve(here, '..', '..');
/** The built app (trunk build --release). */
export const DIST = resolve(process.env.QUDRA_DIST ?? join(ROOT, 'dist'));
/** Where screenshots of each workspace go. */
export const SHOTS = resolve(process.env.QUDRA_SCREENSHOTS ?? join(here, 'screenshots'));
/** Debian's Chromium (npx playwright install cannot work here). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with the flags this machine needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
