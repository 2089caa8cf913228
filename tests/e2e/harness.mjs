// What every end-to-end test file shares: where the built app, the command line, Chromium and
// the screenshots are, how Chromium is started on this closed network (no background
// connections), a fresh page that fails its test on any console error or CSP violation, and the
// waits and time budgets the tests use.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The repository root. */
export const ROOT = resolve(here, '..', '..');
/** The built app (trunk build --release). */
export const DIST = resolve(process.env.QUDRA_DIST ?? join(ROOT, 'dist'));
/** Where screenshots of each workspace go. */
export const SHOTS = resolve(process.env.QUDRA_SCREENSHOTS ?? join(here, 'screenshots'));
/** Debian's Chromium (npx playwright install cannot work here). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * The `qudra` command line the browser's plans are compared with: the release binary that
 * `make test-core` (`cargo test --release --features highs`) leaves in target/release, which
 * `make e2e` builds the same way first, so that `make test` compiles the release once.
 */
export function qudraBinary() {
  const bin = resolve(process.env.QUDRA_BIN ?? join(ROOT, 'target', 'release', 'qudra'));
  assert.ok(existsSync(bin), `${bin} is missing: \`make e2e\` builds it (or set QUDRA_BIN)`);
  return bin;
}

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

/**
 * The one console line the standalone app causes on purpose: at start `public/boot.js` asks `GET
 * /api/health` to find out whether `qudra serve` serves it (the connected app), and a static
 * server answers 404, which Chromium logs as "Failed to load resource" whatever the page does
 * with the answer. Only that request's 404 is forgiven; any other failed request still fails.
 */
function standaloneProbe(message) {
  const where = message.location()?.url ?? '';
  return (
    message.type() === 'error' &&
    /^Failed to load resource: the server responded with a status of 404/.test(message.text()) &&
    new URL(where, 'http://x').pathname === '/api/health'
  );
}

/**
 * How many rows the needs table shows once its page is whole: the table draws a few rows a frame
 * and says `aria-busy="true"` until the last is drawn.
 */
export async function needRowCount(page) {
  await page.locator('table.needs[aria-busy="false"]').waitFor();
  return page.locator('table.needs tbody tr').count();
}

/** The needs' ids, row by row, once the table's page is whole (see `needRowCount`). */
export async function needIds(page) {
  await page.locator('table.needs[aria-busy="false"]').waitFor();
  return page.locator('table.needs tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.need));
}

/**
 * Waits until the needs table's page is whole with `n` rows: a count taken while rows are still
 * being drawn would be a few rows short.
 */
export function needRowsAre(page, n) {
  return page.waitForFunction((n) => {
    const table = document.querySelector('table.needs');
    return table?.getAttribute('aria-busy') === 'false' && table.querySelectorAll('tbody tr').length === n;
  }, n);
}

/**
 * Answers the first visit's question ("who are you?") when the page asks it, as the focal point
 * of the first state (the app's default workspace) unless `role` says otherwise ('centre',
 * 'planner'); waits until a workspace is on screen. A page with something stored already opens
 * its workspace without asking, and then nothing is clicked.
 */
export async function passFirstVisit(page, role = 'focal') {
  await page.locator('main .workspace, #first-visit').first().waitFor({ timeout: 30_000 });
  if (await page.locator('#first-visit').isVisible()) await page.click(`#first-${role}`);
  await page.locator('main .workspace').waitFor({ timeout: 30_000 });
}

/**
 * A fresh page of `url` in a new browser context (empty storage, like a first visit) that
 * records console errors, page errors, Content-Security-Policy violations and long tasks.
 * `init(arg)` runs in the page before the app (e.g. to break localStorage or to store a
 * scenario); `allow(message)` true forgives a console line the test expects (the connected
 * app's 401s). `goto()` loads the app, answers the first visit's question (`firstVisit`: the
 * role to choose, 'focal' by default; `null` leaves the question on screen, as the connected
 * app's sign-in page needs) and resolves to the milliseconds until a workspace (or the
 * question) rendered; `done()` asserts there was no error and no violation, and closes the
 * context.
 */
export async function open(browser, url, { init, arg, viewport, locale, acceptDownloads, allow, firstVisit = 'focal' } = {}) {
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1366, height: 900 },
    locale: locale ?? 'en-GB',
    acceptDownloads: acceptDownloads ?? true,
  });
  await context.addInitScript(() => {
    // Recorded from inside the page: the browser fires this event for every blocked resource.
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    // Long tasks hold the page: the tests measure the longest one after an action.
    window.__longtasks = [];
    window.__longtaskObserver = new PerformanceObserver((list) =>
      window.__longtasks.push(...list.getEntries().map((e) => e.duration)),
    );
    window.__longtaskObserver.observe({ type: 'longtask', buffered: true });
  });
  if (init) await context.addInitScript(init, arg);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (standaloneProbe(m) || allow?.(m)) return;
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const goto = async () => {
    const started = Date.now();
    await page.goto(url);
    if (firstVisit === null) {
      await page.locator('main .workspace, #first-visit').first().waitFor({ timeout: 30_000 });
    } else {
      await passFirstVisit(page, firstVisit);
    }
    return Date.now() - started;
  };
  const done = async () => {
    assert.deepEqual(await page.evaluate(() => window.__csp ?? []), [], 'no Content-Security-Policy violation');
    assert.deepEqual(problems, [], 'no console or page error');
    await context.close();
  };
  return { page, context, goto, done };
}

/** Forgets the long tasks seen so far (delivered or still queued). */
export const clearLongTasks = (page) =>
  page.evaluate(() => {
    window.__longtaskObserver.takeRecords();
    window.__longtasks = [];
  });

/**
 * The longest task (ms) since the last `clearLongTasks`, counting the entries the browser has
 * queued but not yet delivered to the observer (so no sleep is needed before reading). The
 * browser reports only tasks over 50 ms: 0 means none took longer.
 */
export const longestTask = (page) =>
  page.evaluate(() => {
    window.__longtasks.push(...window.__longtaskObserver.takeRecords().map((e) => e.duration));
    return Math.max(0, ...window.__longtasks);
  });

/**
 * Arms a stopwatch inside the page: from the next `type` event on an element matching `on`
 * until the first frame painted once `until` (a CSS selector) matches at least `count`
 * elements. The start is the event's own `timeStamp` (when the browser received the input,
 * however long the page then kept it waiting) and the end is taken in the page too, so the
 * figure is what the page did, with none of Playwright's round trips, actionability checks or
 * polling in it. Resolves once armed to `{ read }`; `read()` waits (up to `timeout` ms) for the
 * figure and resolves to it in milliseconds.
 */
export async function stopwatch(page, { on, until, count = 1, type = 'click', timeout = 60_000 }) {
  const key = await page.evaluate(
    ({ on, until, count, type }) => {
      window.__stopwatches ??= [];
      const key = window.__stopwatches.push(undefined) - 1;
      const listener = (event) => {
        if (!(event.target instanceof Element) || !event.target.closest(on)) return;
        document.removeEventListener(type, listener, true);
        const start = event.timeStamp;
        // Checked in each frame's callbacks, which run before that frame is painted; a zero
        // timeout set there runs once it has been.
        const check = () => {
          if (document.querySelectorAll(until).length >= count) {
            setTimeout(() => (window.__stopwatches[key] = performance.now() - start), 0);
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      };
      // Capturing on the document: heard before any handler of the app's runs.
      document.addEventListener(type, listener, true);
      return key;
    },
    { on, until, count, type },
  );
  const read = async () => {
    const figure = await page.waitForFunction(
      (key) => window.__stopwatches[key] !== undefined && { ms: window.__stopwatches[key] },
      key,
      { timeout, polling: 50 },
    );
    return (await figure.jsonValue()).ms;
  };
  return { read };
}

/**
 * Logs a measured time with its target and fails only past five times the target, so that a
 * busy machine never fails it but a change that makes the page an order slower does.
 */
export function withinTarget(what, ms, target) {
  console.log(`${what}: ${Math.round(ms)} ms (target ${target} ms; fails past ${5 * target} ms)`);
  assert.ok(ms <= 5 * target, `${what} took ${Math.round(ms)} ms, more than five times its target of ${target} ms`);
}

/** Clicks Solve and waits for the outcome, which must be an optimal plan. */
export async function solveOptimal(page, timeout = 60_000) {
  const before = Number(await page.locator('#solve-status').getAttribute('data-solves'));
  await page.click('#solve');
  await page.waitForFunction(
    (before) => Number(document.querySelector('#solve-status')?.dataset.solves) > before,
    before,
    { timeout },
  );
  const status = page.locator('#solve-status');
  assert.equal(await status.getAttribute('data-state'), 'optimal', await status.textContent());
}

/** Chooses the interface language and waits until the page has switched. */
export async function language(page, code) {
  await page.selectOption('#lang', code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

/** Waits until the header says everything is saved in this browser. */
export async function saved(page) {
  await page.locator('#save-state.ok').waitFor({ timeout: 5_000 });
}

/** The built app served on a free port and a Chromium to open it: what each test file starts
 *  before its tests (`{ server, url, browser }`), and stops after them with `stopApp`. */
export async function startApp() {
  const server = await serve(DIST, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchChromium();
  return { server, url, browser };
}

export async function stopApp({ server, browser }) {
  await browser?.close();
  server?.close();
}

/** The set-up of a test file whose pages are all alike: the app started before its tests (with
 *  the screenshots' folder) and stopped after them; returns `open()`, a fresh page of
 *  `viewport` (see `open`). */
export function appForTests({ viewport = { width: 1440, height: 1000 } } = {}) {
  let app;
  before(async () => {
    app = await startApp();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(() => stopApp(app));
  return () => open(app.browser, app.url, { viewport });
}

/** Clicks Solve, waits for an optimal plan and returns the trainees still without a seat. */
export async function solveUnmet(page) {
  await solveOptimal(page);
  const headline = page.locator('#result-headline');
  return Number(await headline.getAttribute('data-trainees')) - Number(await headline.getAttribute('data-placed'));
}
