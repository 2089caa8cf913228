// End-to-end tests of the app's speed, in headless Chromium: the planner's needs table opens and
// answers each keystroke quickly with the demo's 317 needs and with 5,000 (shown a page at a
// time), and a long solve runs in the solver's Web Worker: the page stays responsive, a click is
// answered while solving, and Stop keeps the best plan found so far, labelled as stopped.
// Figures are printed; each fails only past five times its target (`withinTarget`). Every
// figure is taken inside the page (`stopwatch`: from the input event's own time to the frame
// painted after it; `longestTask`: the browser's long tasks), so none includes Playwright's
// round trips or polling, and a loaded machine slows only what the page itself does.
//
//   cd tests/e2e && node --test speed.test.mjs      (make e2e builds dist/ first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { IMMUTABLE } from './serve.mjs';
import {
  ROOT,
  clearLongTasks,
  longestTask,
  open as openPage,
  passFirstVisit,
  startApp,
  stopApp,
  stopwatch,
  withinTarget,
} from './harness.mjs';

const DEMO = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-2027.json'), 'utf8'));
// Targets (ms), each asserted at five times its value.
/** From the click on the needs tab until its first rows are painted. */
const TAB_OPEN_MS = 300;
/** The longest task a keystroke in the needs table causes. */
const KEYSTROKE_TASK_MS = 50;
/** The longest task on the page while the solver works. */
const SOLVING_TASK_MS = 100;
/** From a click while solving until the page has painted its effect. */
const CLICK_WHILE_SOLVING_MS = 100;
/**
 * What the first visit downloads, gzipped (bytes): the page, its script, the app's main wasm
 * and the styles, until the first visit's question; the chosen workspace's chunks come when it
 * is chosen (printed apart), the solver's wasm only with the first solve. The target
 * is 400 KB, reached since the split: the build reaches BUNDLE_REACHED (765,000 before
 * `erase_components`, 660,000 after it; 931,000 once the connected app's screens, spreadsheets
 * in and where to add capacity joined the first load; 812,000 with the connected app in a wasm
 * of its own, one path-tracking scenario reader and one option per closed choice list; 840,000
 * once the server's typed problems, the offline queue's words and what would fix each unmet
 * need joined; 805,000 with one compiled sort, `model::order`, instead of one per type;
 * 344,000 with each workspace's code in wasm chunks of its own, tools/split-web), and the test
 * fails past 1.25 times that (a budget, not noise).
 */
const BUNDLE_TARGET = 400_000;
const BUNDLE_REACHED = 344_000;

/** The demo with its needs repeated (new ids) up to `count` needs. */
function bigScenario(count) {
  const needs = [];
  for (let round = 0; needs.length < count; round += 1) {
    for (const need of DEMO.needs) {
      if (needs.length === count) break;
      needs.push(round === 0 ? need : { ...need, id: `${need.id}-x${round}` });
    }
  }
  return { ...DEMO, needs };
}
const STORED_5000 = JSON.stringify({ schema_version: 1, scenario: bigScenario(5000) });
/** 5,000 needs and the demo's sessions four times over: a solve of several seconds. */
const STORED_HEAVY = JSON.stringify({
  schema_version: 1,
  scenario: {
    ...bigScenario(5000),
    sessions: [0, 1, 2, 3].flatMap((round) =>
      DEMO.sessions.map((s) => (round === 0 ? s : { ...s, id: `${s.id}-r${round}` })),
    ),
  },
});

let app;
before(async () => {
  app = await startApp();
});
after(() => stopApp(app));

/** A fresh page of the app as the planner, with `stored` (a storage envelope) if given. */
async function planner(stored) {
  const opened = await openPage(app.browser, app.url, {
    viewport: { width: 1440, height: 1000 },
    init: stored ? (text) => localStorage.setItem('qudra.scenario', text) : undefined,
    arg: stored,
  });
  await opened.goto();
  await opened.page.click('#role-planner');
  await opened.page.locator('#solve').waitFor();
  return opened;
}

/**
 * A click at (`x`, `y`) as a hand makes it: the press and the release are sent together, so the
 * release (whose time the click event carries) does not wait for the page to have handled the
 * press, as `page.mouse.click` does; a page held up is then seen to answer late.
 */
async function pressAndRelease(page, x, y) {
  const cdp = await page.context().newCDPSession(page);
  const event = (type) => cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  await Promise.all([event('mousePressed'), event('mouseReleased')]);
  await cdp.detach();
}

/** Waits until the page has painted what the last event changed. */
const painted = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));

/** Opens the needs tab and types into the first row's trainees; prints and checks the figures. */
async function needsTable(page, label, total) {
  await clearLongTasks(page);
  // The page's other rows follow the first ones, a few a frame.
  const rows = Math.min(50, total);
  const first = await stopwatch(page, { on: '#tab-needs', until: 'table.needs tbody tr' });
  const all = await stopwatch(page, { on: '#tab-needs', until: 'table.needs tbody tr', count: rows });
  await page.click('#tab-needs');
  const open = await first.read();
  const whole = await all.read();
  assert.equal(await page.locator('table.needs tbody tr').count(), rows);
  const openTask = await longestTask(page);
  const input = page.locator('table.needs tbody tr').first().locator('input[data-path$=".trainees"]');
  await input.click();
  await input.press('End');
  let keystroke = 0;
  for (const key of ['1', '2', 'Backspace', 'Backspace']) {
    await clearLongTasks(page);
    await page.keyboard.press(key);
    await painted(page);
    keystroke = Math.max(keystroke, await longestTask(page));
  }
  // The row shows the scenario, not only what was typed: undo puts the value back.
  const original = await input.inputValue();
  await page.keyboard.press('5');
  await page.locator('#undo:enabled').click();
  await page.waitForFunction(
    (value) => document.querySelector('table.needs tbody tr input[data-path$=".trainees"]').value === value,
    original,
  );
  withinTarget(`${label}: needs tab open (click to its first rows painted)`, open, TAB_OPEN_MS);
  console.log(`${label}: all ${rows} rows of the first page painted ${Math.round(whole)} ms after the click`);
  console.log(`${label}: longest task while the needs tab opened: ${Math.round(openTask)} ms`);
  withinTarget(`${label}: longest task of a keystroke in the needs table`, keystroke, KEYSTROKE_TASK_MS);
  // One page of rows, and the pager says which.
  assert.equal(await page.locator('table.needs tbody tr').count(), Math.min(50, total));
  assert.equal((await page.textContent('#needs-page')).trim(), `Needs 1–50 of ${total}`);
}

/** Sizes of a response body: raw, gzip -9 and brotli (quality 11). */
function sizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Each response's file name and sizes, and their sum. */
async function measured(responses) {
  const files = [];
  for (const response of responses) {
    const name = new URL(response.url()).pathname.split('/').pop() || 'index.html';
    files.push({ name, cacheControl: response.headers()['cache-control'], ...sizes(await response.body()) });
  }
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  return { files, total };
}

/** A workspace's own wasm chunks and the JS that fetches them (tools/split-web's names). */
const isChunk = (name) => /^(split|chunk)_.*\.wasm$/.test(name);

test('the first visit downloads less than its budget, each workspace and the solver only when needed', async () => {
  const { page, done } = await openPage(app.browser, app.url);
  const loaded = [];
  page.on('response', (response) => loaded.push(response));
  const started = Date.now();
  await page.goto(app.url);
  // The first page: the first visit's question, on screen once the main wasm runs.
  await page.locator('#first-visit').waitFor({ timeout: 30_000 });
  const asked = Date.now() - started;
  const first = await measured(loaded.splice(0));
  for (const f of [...first.files, { name: 'first load', ...first.total }]) {
    console.log(`${f.name}: ${f.raw} B raw, ${f.gzip} B gzip -9, ${f.brotli} B brotli`);
  }
  const names = first.files.map((f) => f.name);
  assert.ok(names.some((name) => /^qudra-web-[0-9a-f]{16}_bg\.wasm$/.test(name)), 'the app\'s main wasm is part of the first load');
  assert.deepEqual(names.filter(isChunk), [], 'no workspace\'s chunk before a workspace is chosen');
  assert.ok(!names.some((name) => name.startsWith('qudra-solver')), 'the solver is not loaded before a solve');
  assert.ok(!names.some((name) => name.startsWith('qudra-connected')), 'without a server, the connected app is never loaded');
  console.log(`first load gzipped: ${first.total.gzip} B (target ${BUNDLE_TARGET} B; reached ${BUNDLE_REACHED} B; fails past ${1.25 * BUNDLE_REACHED} B)`);
  assert.ok(first.total.gzip <= 1.25 * BUNDLE_REACHED, `the first load is ${first.total.gzip} B gzipped, more than 1.25 × ${BUNDLE_REACHED} B`);
  // The question answered: the focal point's workspace fetches its chunks, then shows.
  const clicked = Date.now();
  await passFirstVisit(page);
  const opened = Date.now() - clicked;
  const workspace = await measured(loaded.splice(0));
  for (const f of workspace.files) console.log(`${f.name} (the focal point's workspace): ${f.raw} B raw, ${f.gzip} B gzip -9, ${f.brotli} B brotli`);
  assert.ok(workspace.files.some((f) => isChunk(f.name)), 'the workspace\'s code arrives when it is chosen');
  // tools/split-web's files carry a content hash: kept a year, like Trunk's.
  const split = [...first.files, ...workspace.files].filter((f) => /^(qudra-web-|split_|chunk_)/.test(f.name));
  assert.ok(split.length >= 4, `the main JS and wasm, the chunks' loader and a chunk: ${split.map((f) => f.name)}`);
  for (const f of split) assert.equal(f.cacheControl, IMMUTABLE, f.name);
  console.log(
    `the focal point's workspace adds ${workspace.total.gzip} B gzipped (${first.total.gzip + workspace.total.gzip} B with the first load); ` +
      `question on screen ${asked} ms after the page was asked for, the workspace ${opened} ms after the click`,
  );
  // The solver's wasm arrives with the first solve.
  const solver = page.waitForResponse((r) => /qudra-solver.*\.wasm$/.test(new URL(r.url()).pathname));
  await page.click('#role-planner');
  await page.click('#solve');
  const worker = sizes(await (await solver).body());
  console.log(`solver's wasm (loaded at the first solve): ${worker.raw} B raw, ${worker.gzip} B gzip -9, ${worker.brotli} B brotli`);
  await page.waitForFunction(() => document.querySelector('#solve-status').dataset.solves === '1', null, { timeout: 60_000 });
  await done();
});

test('a workspace says so while its code is fetched, and when it cannot be, opens on a retry', async () => {
  // The fetch failing is expected here: the browser's "Failed to load resource" and the
  // loader's own report of it.
  const allow = (m) => /Failed to load resource|Failed to fetch|net::ERR_FAILED/.test(m.text());
  const { page, goto, done } = await openPage(app.browser, app.url, { firstVisit: null, allow });
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\/(split|chunk)_[^/]*\.wasm$/, async (route) => {
    await held;
    await route.abort('failed');
  });
  await goto();
  await page.click('#first-focal');
  // While the chunk is on its way: a translated wait, announced (role="status").
  const waiting = page.locator('#workspace-loading');
  await waiting.waitFor();
  assert.equal(await waiting.getAttribute('role'), 'status');
  assert.equal((await waiting.textContent()).trim(), 'Opening the workspace…');
  // In the interface's language.
  await page.selectOption('#lang', 'ar');
  assert.equal((await waiting.textContent()).trim(), 'جارٍ فتح مساحة العمل…');
  release();
  // The fetch failed: said in words (role="alert"), with a retry, and nothing else broke.
  const failed = page.locator('#workspace-failed');
  await failed.waitFor();
  assert.equal(await failed.getAttribute('role'), 'alert');
  assert.match(await failed.textContent(), /تعذّر تحميل مساحة العمل/);
  await page.selectOption('#lang', 'en');
  assert.match(await failed.textContent(), /could not be loaded/);
  assert.equal(await page.locator('main .workspace').count(), 0);
  await page.unroute(/\/(split|chunk)_[^/]*\.wasm$/);
  await page.click('#workspace-retry');
  await page.locator('main .workspace#focal').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#workspace-failed').count(), 0);
  await done();
});

test('the needs tab opens and answers keystrokes quickly, a page at a time, with 317 and 5,000 needs', async () => {
  const demo = await planner();
  await needsTable(demo.page, 'demo (317 needs)', DEMO.needs.length);
  const page = demo.page;
  await page.click('#needs-next');
  assert.equal((await page.textContent('#needs-page')).trim(), `Needs 51–100 of ${DEMO.needs.length}`);
  assert.equal(await page.locator('table.needs tbody tr').first().getAttribute('data-need'), DEMO.needs[50].id);
  assert.ok(await page.locator('#needs-previous').isEnabled());
  // Choosing a state shows its needs from their first page.
  const state = DEMO.needs[0].state;
  await page.selectOption('#planner-state', state);
  const ofState = DEMO.needs.filter((n) => n.state === state);
  await page.waitForFunction(
    (first) => document.querySelector('table.needs tbody tr')?.dataset.need === first,
    ofState[0].id,
  );
  // The state's page is drawn a few rows a frame: all of them, in the end.
  await page.waitForFunction((n) => document.querySelectorAll('table.needs tbody tr').length === n, Math.min(50, ofState.length));
  await demo.done();

  const big = await planner(STORED_5000);
  await needsTable(big.page, 'generated (5,000 needs)', 5000);
  await big.done();
});

test('a long solve runs in the worker: the page answers clicks, and Stop keeps the best plan so far', async () => {
  const { page, done } = await planner(STORED_HEAVY);
  // The first tenth of the time (2 s) is too short for a proven optimum: a best plan so far.
  await page.fill('#time-limit', '20');
  await page.press('#time-limit', 'Tab');
  // Stop before any plan: nothing changes, and the page says so.
  await page.click('#solve');
  await page.locator('#stop').click();
  const status = page.locator('#solve-status');
  assert.equal(await status.getAttribute('data-state'), 'stopped');
  assert.match(await status.textContent(), /Stopped before any plan was found/);
  assert.equal(await status.getAttribute('data-solves'), '0');

  await clearLongTasks(page);
  // A click while solving is answered: another tab opens, and the solve goes on meanwhile. The
  // click is sent at the tab's place taken beforehand, right after Solve's: Playwright's own
  // click (or any question to the page in between) would first wait for the page to answer, so
  // a page held up would be clicked only once free, and would seem quick.
  const tab = await page.locator('#tab-skills').boundingBox();
  const best = await stopwatch(page, { on: '#solve', until: '#solve-status[data-best]' });
  const answer = await stopwatch(page, { on: '#tab-skills', until: '#tab-skills[aria-selected="true"]' });
  await page.click('#solve');
  await pressAndRelease(page, tab.x + tab.width / 2, tab.y + tab.height / 2);
  const answered = await answer.read();
  assert.equal(await page.getAttribute('#tab-skills', 'aria-selected'), 'true');
  await page.click('#tab-plan');
  assert.equal(await status.getAttribute('data-state'), 'solving', 'still solving when the click was answered');
  // The elapsed time ticks on the page, then the best plan so far arrives.
  await page.waitForFunction(() => /\d\.\d s/.test(document.querySelector('#solve-status').textContent));
  const bestAfter = await best.read();
  assert.match(await status.textContent(), /best plan so far within [\d.]+ % of the best possible/);
  withinTarget('longest task on the page while solving 5,000 needs and 416 sessions', await longestTask(page), SOLVING_TASK_MS);
  withinTarget('a click answered while solving', answered, CLICK_WHILE_SOLVING_MS);
  console.log(`5,000 needs and 416 sessions: the best plan so far painted ${Math.round(bestAfter)} ms after the click on Solve`);
  await page.click('#stop');
  assert.equal(await status.getAttribute('data-state'), 'stopped');
  assert.match(
    await status.textContent(),
    /^Stopped: the best plan found so far, within [\d.]+ % of the best possible\.$/,
  );
  assert.equal(await status.getAttribute('data-solves'), '1');
  assert.equal(await page.locator('#stop').count(), 0);
  await page.click('#plan-view-calendar');
  await page.locator('.slot[data-session]').first().waitFor();
  // Solving again after a stop starts a new worker and finishes.
  await page.fill('#time-limit', '3');
  await page.press('#time-limit', 'Tab');
  await page.click('#solve');
  await page.waitForFunction(() => document.querySelector('#solve-status').dataset.solves === '2', null, {
    timeout: 60_000,
  });
  assert.notEqual(await status.getAttribute('data-state'), 'stopped');
  await done();
});

test('the gap is set in words beside the time limit, in each language', async () => {
  const { page, done } = await planner();
  assert.equal(await page.inputValue('#gap'), '0');
  const label = async () => (await page.locator('#gap').locator('xpath=..').textContent()).replace(/\s+/g, ' ').trim();
  assert.match(await label(), /^Stop when within ?% of the best possible$/);
  await page.fill('#gap', '0.1');
  await page.press('#gap', 'Tab');
  await page.click('#solve');
  await page.waitForFunction(() => document.querySelector('#solve-status').dataset.solves === '1');
  assert.equal(await page.inputValue('#gap'), '0.1');
  await page.selectOption('#lang', 'fr');
  assert.match(await label(), /Arrêter à moins de ?% du meilleur possible/);
  await page.selectOption('#lang', 'ar');
  assert.match(await label(), /٪ من أفضل خطة ممكنة/);
  await done();
});
