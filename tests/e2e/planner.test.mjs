// End-to-end tests of the planner's workspace on the demo data, in headless Chromium: solve in
// WebAssembly and compare with the command line's plan for the same scenario, open a roster,
// pin and exclude and solve again, explain impossible pins, download the files, read the unmet
// reasons in Arabic, and print one state's calendar. Screenshots of the calendar, the coverage
// dashboard and the unmet list in English and Arabic go to ./screenshots.
//
//   cd tests/e2e && node --test planner.test.mjs      (make e2e builds dist/ first)
//
// Environment: QUDRA_DIST (default ../../dist), CHROMIUM (default /usr/bin/chromium),
// QUDRA_SCREENSHOTS (default ./screenshots), QUDRA_CLI_PLAN (a plan JSON of the demo written by
// `qudra solve`; by default the test runs target/release/qudra, or QUDRA_BIN, which `make e2e`
// builds as `make test-core` does).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  SHOTS,
  clearLongTasks,
  language,
  longestTask,
  open as openPage,
  qudraBinary,
  saved,
  startApp,
  stopApp,
  withinTarget,
} from './harness.mjs';
const DEMO = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-2027.json'), 'utf8'));
const ARABIC = /[\u0600-\u06FF]/;
// Time budgets, each asserted at five times its value (see `withinTarget` in harness.mjs).
/** A first visit until the demo is on screen. */
const FIRST_RENDER_MS = 2_000;
/** The demo solved in the browser (README: about 30–60 ms). */
const SOLVE_MS = 100;
/** The longest the page is held from the click on Solve until the calendar is drawn. */
const SOLVE_TASK_MS = 200;
/** The longest the page is held while the unmet list is explained and drawn. */
const UNMET_TASK_MS = 200;

let server;
let browser;
let url;
/** The plan `qudra solve` writes for the demo, and how long the command took (null if read). */
let cli;

before(async () => {
  const started = Date.now();
  const text = process.env.QUDRA_CLI_PLAN
    ? readFileSync(process.env.QUDRA_CLI_PLAN, 'utf8')
    : execFileSync(qudraBinary(), ['solve', 'data/demo-2027.json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
  cli = { plan: JSON.parse(text), ms: process.env.QUDRA_CLI_PLAN ? null : Date.now() - started };
  ({ server, url, browser } = await startApp());
  mkdirSync(SHOTS, { recursive: true });
});

after(() => stopApp({ server, browser }));

/** A fresh page of the app (see `open` in harness.mjs), wide enough for the year's calendar. */
const open = (options) =>
  openPage(browser, url, { viewport: { width: 1440, height: 1000 }, acceptDownloads: true, ...options });

async function planner(page) {
  await page.click('#role-planner');
  await page.locator('#plan').waitFor();
}

/** Clicks Solve and waits for the outcome; returns the status word and the browser's ms. */
async function solve(page, expect = 'optimal') {
  const before = Number(await page.locator('#solve-status').getAttribute('data-solves'));
  await page.click('#solve');
  await page.waitForFunction(
    (before) => Number(document.querySelector('#solve-status')?.dataset.solves) > before,
    before,
    { timeout: 30_000 },
  );
  const status = page.locator('#solve-status');
  assert.equal(await status.getAttribute('data-state'), expect, await status.textContent());
  return { state: expect, ms: Number(await status.getAttribute('data-ms')) };
}

async function view(page, which) {
  await page.click(`#plan-view-${which}`);
}

/** Every session's fill as the calendar shows it. */
const calendarFills = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.slot[data-session]')].map((b) => [
        b.dataset.session,
        { filled: Number(b.dataset.filled), seats: Number(b.dataset.seats), running: b.dataset.running === 'true' },
      ]),
    ),
  );

/** Seats per need in the open roster. */
const rosterSeats = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('#roster tbody tr[data-need]')].map((tr) => [
        tr.dataset.need,
        Number(tr.querySelector('.seats').textContent.split('/')[0]),
      ]),
    ),
  );

const stateOf = (need) => DEMO.needs.find((n) => n.id === need).state;
const needOf = (id) => DEMO.needs.find((n) => n.id === id);
/** "2831" as the interface groups it in English and Arabic: "2,831". */
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The headline's figures, from the command line's plan of the demo. */
function headlineFigures() {
  const seats = {};
  for (const a of cli.plan.allocations) seats[a.need] = (seats[a.need] ?? 0) + a.seats;
  const placed = DEMO.needs.reduce((t, n) => t + Math.min(seats[n.id] ?? 0, n.trainees), 0);
  const trainees = DEMO.needs.reduce((t, n) => t + n.trainees, 0);
  const critical = cli.plan.unmet.filter((u) => needOf(u.need).priority === 5).length;
  return { placed, trainees, short: cli.plan.unmet.length, critical, percent: Math.floor((placed * 100) / trainees) };
}

test('Solve runs in the browser and the calendar shows the fill counts of the command line plan', async () => {
  const { page, goto, done } = await open();
  const firstRender = await goto();
  await planner(page);
  assert.equal(await page.locator('#solve-status').getAttribute('data-state'), 'idle');
  assert.equal((await page.inputValue('#time-limit')).trim(), '10');
  await clearLongTasks(page);
  const { ms } = await solve(page);
  await page.locator('.slot[data-session]').first().waitFor();
  withinTarget('time to first render', firstRender, FIRST_RENDER_MS);
  withinTarget('demo solve in the browser', ms, SOLVE_MS);
  withinTarget('longest task from the click on Solve to the calendar', await longestTask(page), SOLVE_TASK_MS);
  console.log(
    `command line: ${cli.plan.stats.solve_ms} ms inside the solver` +
      (cli.ms === null ? '' : `, ${cli.ms} ms for the whole \`qudra solve\``),
  );
  assert.match(await page.textContent('#solve-status'), /Optimal plan/);
  // The result leads with what matters, the solver's words after it on a details line.
  const f = headlineFigures();
  assert.ok(f.trainees >= 1000 && f.critical > 0, JSON.stringify(f));
  assert.equal(
    (await page.textContent('#result-headline')).trim(),
    `${grouped(f.placed)} of ${grouped(f.trainees)} trainees placed (${f.percent}%), ${f.short} needs short, ${f.critical} of them critical`,
  );
  const order = await page.evaluate(() => {
    const [h, s] = [document.querySelector('#result-headline'), document.querySelector('#solve-status')];
    return h.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the headline comes before the details line');
  assert.equal(await page.locator('#state-glance li').count(), 22);
  const tn = page.locator('#state-glance li[data-state="TN"]');
  assert.match(await tn.getAttribute('aria-label'), /^Tunisia: \d+ of \d+ trainees \(\d+%\)$/);
  const fills = await calendarFills(page);
  assert.equal(Object.keys(fills).length, DEMO.sessions.length, 'every session is in the calendar');
  for (const s of cli.plan.sessions) {
    assert.deepEqual(fills[s.session], { filled: s.filled, seats: s.seats, running: s.running }, s.session);
  }
  const running = cli.plan.sessions.filter((s) => s.running).length;
  assert.equal((await page.textContent('#calendar-running')).trim(), `${running} of ${DEMO.sessions.length} sessions run`);
  // The year as a timeline: every bar names its session in full on hover and focus, those
  // that will not run say so in words, and the page stays about a screen tall.
  const courseOf = (id) => DEMO.courses.find((c) => c.id === DEMO.sessions.find((s) => s.id === id).course);
  for (const s of cli.plan.sessions.slice(0, 10)) {
    const bar = page.locator(`.slot.bar[data-session="${s.session}"]`);
    const title = await bar.getAttribute('title');
    assert.equal(await bar.getAttribute('aria-label'), title);
    assert.ok(title.startsWith(`${courseOf(s.session).title.en} · ${s.session} · `), title);
    if (!s.running) assert.match(title, /will not run: below its minimum of \d+ participants?$/);
  }
  const idle = cli.plan.sessions.filter((s) => !s.running);
  for (const s of idle) {
    assert.match(await page.textContent(`.slot.bar[data-session="${s.session}"]`), /not running/);
  }
  assert.equal(await page.locator('#not-running li[data-session]').count(), idle.length);
  const skills = new Set(DEMO.courses.map((c) => c.skill));
  assert.equal(await page.locator('#timeline .tl-row[data-skill]').count(), skills.size);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`calendar page height at 1440×1000: ${height} px (${DEMO.sessions.length} sessions, ${idle.length} not running)`);
  assert.ok(height < 2000, `the calendar page is ${height} px tall`);
  await page.screenshot({ path: join(SHOTS, 'plan-calendar-en.png'), fullPage: true });
  await view(page, 'coverage');
  assert.equal(
    Number(await page.textContent('#total-seats-filled')),
    cli.plan.sessions.reduce((n, s) => n + s.filled, 0),
  );
  assert.equal(await page.locator('#chart-states .bar').count(), 22);
  await page.screenshot({ path: join(SHOTS, 'plan-coverage-en.png'), fullPage: true });
  await clearLongTasks(page);
  await view(page, 'unmet');
  // Drawn as a whole: wait for the rows (a test timeout if they never all come), then count them.
  await page.waitForFunction((n) => document.querySelectorAll('.unmet-row').length >= n, cli.plan.unmet.length);
  assert.equal(await page.locator('.unmet-row').count(), cli.plan.unmet.length);
  withinTarget(
    `longest task while the unmet list (${cli.plan.unmet.length} needs) is explained and drawn`,
    await longestTask(page),
    UNMET_TASK_MS,
  );
  for (const u of cli.plan.unmet.slice(0, 20)) {
    assert.equal(await page.locator(`.unmet-row[data-need="${u.need}"]`).getAttribute('data-reason'), u.reason);
  }
  // Most harmful first: priority, then trainees without a seat, both descending.
  const missing = Object.fromEntries(cli.plan.unmet.map((u) => [u.need, u.seats]));
  const shownOrder = await page.locator('.unmet-row').evaluateAll((rows) => rows.map((r) => r.dataset.need));
  const harm = (id) => [needOf(id).priority, missing[id]];
  for (let i = 1; i < shownOrder.length; i += 1) {
    const [a, b] = [harm(shownOrder[i - 1]), harm(shownOrder[i])];
    assert.ok(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `${shownOrder[i - 1]} ${a} before ${shownOrder[i]} ${b}`);
  }
  assert.equal(needOf(shownOrder[0]).priority, 5, 'a critical need comes first');
  const first = needOf(shownOrder[0]);
  assert.equal(
    (await page.locator('.unmet-row').first().locator('.missing').textContent()).trim(),
    `${missing[first.id]} of ${first.trainees} ${first.trainees === 1 ? 'trainee' : 'trainees'} without a seat`,
  );
  // The pivot: unmet needs by state and reason, every one counted once.
  const perStateReason = {};
  for (const u of cli.plan.unmet) {
    const key = `${stateOf(u.need)}|${u.reason}`;
    perStateReason[key] = (perStateReason[key] ?? 0) + 1;
  }
  const states = new Set(cli.plan.unmet.map((u) => stateOf(u.need)));
  assert.equal(await page.locator('#unmet-pivot tbody tr').count(), states.size);
  const cells = await page.locator('#unmet-pivot tbody td[data-reason]').evaluateAll((tds) =>
    tds.map((td) => [`${td.closest('tr').dataset.state}|${td.dataset.reason}`, Number(td.textContent || 0)]),
  );
  for (const [key, n] of cells) assert.equal(n, perStateReason[key] ?? 0, key);
  assert.equal(Number(await page.textContent('#unmet-pivot tfoot .total')), cli.plan.unmet.length);
  await page.screenshot({ path: join(SHOTS, 'plan-unmet-en.png') });
  await done();
});

test('a roster says which states send how many officers, against which needs', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  // The running session with the most states in it.
  const byState = {};
  for (const a of cli.plan.allocations) (byState[a.session] ??= new Set()).add(stateOf(a.need));
  const [session] = Object.entries(byState).sort((a, b) => b[1].size - a[1].size)[0];
  await page.click(`.slot[data-session="${session}"]`);
  await page.locator(`#roster[data-session="${session}"]`).waitFor();
  const expected = Object.fromEntries(cli.plan.allocations.filter((a) => a.session === session).map((a) => [a.need, a.seats]));
  assert.deepEqual(await rosterSeats(page), expected);
  const fill = cli.plan.sessions.find((s) => s.session === session);
  assert.equal(Number(await page.getAttribute('#roster-fill', 'data-filled')), fill.filled);
  await page.screenshot({ path: join(SHOTS, 'plan-roster-en.png') });
  await page.click('#roster-close');
  await page.locator('#roster').waitFor({ state: 'detached' });
  await done();
});

test('the unmet list shows one state or all of them, and a pin the scenario refuses is said and not made', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  await view(page, 'unmet');
  const rows = page.locator('.unmet-row');
  assert.equal(await rows.count(), cli.plan.unmet.length);
  // The state with the most unmet needs: only its rows stay; "All states" brings back the rest.
  const perState = {};
  for (const u of cli.plan.unmet) perState[stateOf(u.need)] = (perState[stateOf(u.need)] ?? 0) + 1;
  const [state, count] = Object.entries(perState).sort((a, b) => b[1] - a[1])[0];
  assert.ok(count < cli.plan.unmet.length, 'the unmet needs are of more than one state');
  await page.selectOption('#unmet-state', state);
  await page.waitForFunction((n) => document.querySelectorAll('.unmet-row').length === n, count);
  const shown = await rows.evaluateAll((els) => els.map((e) => e.dataset.need));
  assert.deepEqual([...new Set(shown.map(stateOf))], [state]);
  await page.selectOption('#unmet-state', '');
  await page.waitForFunction((n) => document.querySelectorAll('.unmet-row').length === n, cli.plan.unmet.length);

  // A pin of no seat, from a roster: refused with a message; the scenario keeps no such pin.
  await view(page, 'calendar');
  const a = cli.plan.allocations[0];
  await page.click(`.slot[data-session="${a.session}"]`);
  await page.locator(`#roster[data-session="${a.session}"]`).waitFor();
  await page.selectOption('#pin-need', a.need);
  await page.fill('#pin-seats', '0');
  await page.click('#pin-submit');
  const error = page.locator('#roster-error');
  await error.waitFor();
  assert.notEqual((await error.textContent()).trim(), '');
  assert.equal(await page.locator('#plan-stale').count(), 0, 'the plan is still the scenario\'s: nothing changed');
  assert.equal(await page.locator('#undo').isDisabled(), true, 'nothing to undo');
  await done();
});

test('pin a need into a session, solve again and the pin is honoured; exclude a pairing and it is gone', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);

  // Pin, from the unmet list: a need left out because every suitable session is full (of a
  // state without a budget, so the pin alone can never cost more than the state has), into
  // a session where its state has no seat yet, so that the state's seats there must rise.
  await view(page, 'unmet');
  const seatsOf = (state, session) =>
    cli.plan.allocations.filter((a) => a.session === session && stateOf(a.need) === state).reduce((t, a) => t + a.seats, 0);
  const candidates = cli.plan.unmet
    .filter((u) => u.reason === 'capacity' && !DEMO.states.find((s) => s.code === stateOf(u.need)).budget)
    .map((u) => u.need);
  let need, row, button, session;
  for (const candidate of candidates) {
    const buttons = page.locator(`.unmet-row[data-need="${candidate}"] .pin-here`);
    for (let i = 0; i < (await buttons.count()) && !need; i += 1) {
      const into = await buttons.nth(i).getAttribute('data-session');
      if (seatsOf(stateOf(candidate), into) === 0) {
        [need, row, button, session] = [candidate, page.locator(`.unmet-row[data-need="${candidate}"]`), buttons.nth(i), into];
      }
    }
    if (need) break;
  }
  assert.ok(need, 'an unmet need that can be pinned into a session where its state has no seat');
  const seats = Number((await button.textContent()).match(/\((\d+)\)/)[1]);
  await button.click();
  await row.locator('.badge.pinned').waitFor();
  await page.locator('#plan-stale').waitFor();
  // Saved with the scenario.
  await page.waitForFunction(
    ([n, s]) => (JSON.parse(localStorage.getItem('qudra.scenario'))?.scenario.pins ?? []).some((p) => p.need === n && p.session === s),
    [need, session],
  );
  await solve(page);
  await page.locator('#plan-stale').waitFor({ state: 'detached' });
  await view(page, 'calendar');
  await page.click(`.slot[data-session="${session}"]`);
  await page.locator(`#roster[data-session="${session}"]`).waitFor();
  assert.equal((await rosterSeats(page))[need], seats, `${need} has its ${seats} pinned seats in ${session}`);
  assert.match(await page.textContent(`#roster tr[data-need="${need}"]`), /pinned/);
  // What changed: the need's state gained seats in that session.
  await view(page, 'changes');
  const moved = page.locator(`.changes-table tr[data-state="${stateOf(need)}"][data-session="${session}"]`);
  assert.ok(Number(await moved.locator('.after').textContent()) > Number(await moved.locator('.before').textContent()));
  // The net change per state comes first; the pinned change says a pin forced it.
  assert.equal((await moved.locator('.badge.forced').getAttribute('data-cause')), 'pin');
  assert.equal((await moved.locator('.badge.forced').textContent()).trim(), 'forced by a pin');
  const net = page.locator(`#net-by-state tr[data-state="${stateOf(need)}"]`);
  assert.ok(Number((await net.locator('.gained').textContent()).replace('+', '')) >= seats);
  const netFirst = await page.evaluate(() =>
    Boolean(document.querySelector('#net-by-state').compareDocumentPosition(document.querySelector('.changes-table')) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  assert.ok(netFirst, 'the net change per state comes before the rows');
  const sums = await page.evaluate(() => {
    const out = {};
    for (const tr of document.querySelectorAll('.changes-table tbody tr')) {
      const d = Number(tr.querySelector('.after').textContent) - Number(tr.querySelector('.before').textContent);
      out[tr.dataset.state] = (out[tr.dataset.state] ?? 0) + d;
    }
    const shown = {};
    for (const tr of document.querySelectorAll('#net-by-state tbody tr')) shown[tr.dataset.state] = Number(tr.querySelector('.net').textContent);
    return { out, shown };
  });
  assert.deepEqual(sums.shown, sums.out, 'each state\'s net is the sum of its rows');
  await page.screenshot({ path: join(SHOTS, 'plan-changes-en.png') });

  // Exclude, from a roster: a pairing of the plan disappears at the next solve.
  await view(page, 'calendar');
  const other = cli.plan.allocations.find((a) => a.session !== session && a.need !== need);
  await page.click(`.slot[data-session="${other.session}"]`);
  await page.locator(`#roster[data-session="${other.session}"]`).waitFor();
  await page.click(`#roster tr[data-need="${other.need}"] .exclude`);
  await page.locator(`#roster-adjustments li.exclusion-item[data-need="${other.need}"]`).waitFor();
  await page.locator('#plan-stale').waitFor();
  await solve(page);
  assert.equal((await rosterSeats(page))[other.need], undefined, `${other.need} is no longer in ${other.session}`);
  await view(page, 'changes');
  const excludedRow = page.locator(`.changes-table tr[data-state="${stateOf(other.need)}"][data-session="${other.session}"]`);
  if ((await excludedRow.count()) > 0) {
    assert.equal(await excludedRow.locator('.badge.forced').getAttribute('data-cause'), 'exclusion');
  }
  await view(page, 'calendar');
  assert.match(await page.textContent('#adjust-count'), /^1 pin, 1 exclusion$/);

  // Both adjustments are in the planner's list, and undo brings the plan out of date again.
  await page.click('#undo');
  await page.locator('#plan-stale').waitFor();
  await page.click('#redo');
  await page.locator('#plan-stale').waitFor({ state: 'detached' });

  // The last plan is kept across a reload, up to date (once the scenario is saved too).
  await saved(page);
  await page.reload();
  await page.locator('#plan').waitFor();
  await page.locator(`.slot[data-session="${session}"]`).waitFor();
  assert.equal(await page.locator('#plan-stale').count(), 0);

  // "Clear local data" (in the data menu) forgets the plan too.
  page.on('dialog', (d) => d.accept());
  await page.click('#data-menu-button');
  await page.click('#clear-local');
  await page.locator('.slot').first().waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => localStorage.getItem('qudra.plan')), null);
  assert.match(await page.textContent('#solve-status'), /No plan yet/);
  await done();
});

test('a pin that breaks a need\'s own rules is asked about first, and the need then shows its pinned seats', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  await view(page, 'unmet');
  // A need no session fits, and a session of its skill taught in a language it does not accept.
  const row = page
    .locator('.unmet-row[data-reason="no_compatible_session"]')
    .filter({ has: page.locator('.details li', { hasText: 'is taught in' }).locator('.pin-here[data-warns="true"]') })
    .first();
  const need = await row.getAttribute('data-need');
  const button = row.locator('.details li', { hasText: 'is taught in' }).locator('.pin-here[data-warns="true"]').first();
  const session = await button.getAttribute('data-session');
  const seats = Number((await button.textContent()).match(/\((\d+)\)/)[1]);
  await button.click();
  const ask = row.locator('.pin-confirm');
  assert.match(await ask.textContent(), /^These trainees do not accept \S+.* \(they accept .+\)\. Pin anyway\?/);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await ask.locator('.pin-cancel').click();
  await ask.waitFor({ state: 'detached' });
  assert.equal(await page.locator('#plan-stale').count(), 0, 'cancel pins nothing');
  await button.click();
  await ask.locator('.pin-anyway').click();
  await row.locator('.badge.pinned').waitFor();
  await page.locator('#plan-stale').waitFor();
  await solve(page);
  const after = page.locator(`.unmet-row[data-need="${need}"]`);
  const trainees = needOf(need).trainees;
  if (seats < trainees) {
    // Still short: it says it holds its pinned seats, not that no session fits it.
    assert.equal((await after.locator('.held').textContent()).trim(), `Holds ${seats} pinned ${seats === 1 ? 'seat' : 'seats'}.`);
    assert.match(await after.locator('.reason').textContent(), /holds only the seats pinned for it/);
    assert.equal(
      (await after.locator('.missing').textContent()).trim(),
      `${trainees - seats} of ${trainees} trainees without a seat`,
    );
  } else {
    assert.equal(await after.count(), 0, `${need} is served in full by its pin into ${session}`);
  }
  await page.screenshot({ path: join(SHOTS, 'plan-pin-warning-en.png') });
  await done();
});

test('pins that cannot all hold are named, with the limit they break, and can be removed from there', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  const a = cli.plan.allocations.find((x) => DEMO.sessions.find((s) => s.id === x.session).max_per_state);
  const cap = DEMO.sessions.find((s) => s.id === a.session).max_per_state;
  await page.click(`.slot[data-session="${a.session}"]`);
  await page.locator('#roster').waitFor();
  await page.selectOption('#pin-need', a.need);
  await page.fill('#pin-seats', String(cap + 1));
  await page.click('#pin-submit');
  await page.locator('#plan-stale').waitFor();
  await solve(page, 'infeasible');
  const clash = page.locator('#solve-clashes li').first();
  const text = await clash.textContent();
  assert.ok(text.includes(a.need) && text.includes(a.session), text);
  assert.match(text, new RegExp(`at most ${cap} per state|only \\d+`));
  // The last plan stays on screen while the pins are put right.
  assert.ok((await page.locator('.slot[data-session]').count()) > 0);
  await clash.locator('button.unpin').first().click();
  await solve(page);
  await done();
});

test('a scenario with problems is not solved and the problems are listed', async () => {
  const broken = structuredClone(DEMO);
  broken.sessions[0].min_participants = broken.sessions[0].seats + 5;
  const envelope = JSON.stringify({ schema_version: 1, scenario: broken });
  // Stored before the app starts (the app never lets an edit make the scenario invalid).
  const { page, goto, done } = await open({
    init: (text) => localStorage.setItem('qudra.scenario', text),
    arg: envelope,
  });
  await goto();
  await planner(page);
  await solve(page, 'invalid');
  assert.match(await page.textContent('#solve-problems'), /sessions\[0\]\.min_participants/);
  await done();
});

test('downloads: the calendar of one state, the plan sheet and the plan JSON of the command line', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  await view(page, 'export');
  await page.selectOption('#export-state', 'TN');
  const before = Date.now();
  const [ics] = await Promise.all([page.waitForEvent('download'), page.click('#export-ics')]);
  assert.equal(ics.suggestedFilename(), 'qudra-plan-2027-TN.ics');
  const text = readFileSync(await ics.path(), 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT').slice(1);
  const tnSessions = [...new Set(cli.plan.allocations.filter((a) => stateOf(a.need) === 'TN').map((a) => a.session))];
  assert.equal(events.length, tnSessions.length, 'one event per session Tunisia attends');
  for (const event of events) {
    const session = event.match(/\r\nUID:(.+)\.TN\.\d{4}@qudra\r\n/)[1];
    assert.ok(tnSessions.includes(session), session);
    const s = DEMO.sessions.find((x) => x.id === session);
    assert.match(event, new RegExp(`DTSTART;VALUE=DATE:${s.start.replaceAll('-', '')}\\r\\n`));
    const stamp = event.match(/DTSTAMP:(\d{8}T\d{6}Z)/)[1];
    const when = Date.parse(stamp.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z'));
    assert.ok(Math.abs(when - before) < 120_000, `DTSTAMP ${stamp} is the browser's clock`);
  }
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-plan-csv')]);
  assert.equal(csv.suggestedFilename(), 'qudra-plan-2027-TN.csv');
  const sheet = readFileSync(await csv.path(), 'utf8');
  assert.ok(sheet.startsWith('\uFEFFstate,state_name,need,'));
  await page.selectOption('#export-state', '');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(json.suggestedFilename(), 'qudra-plan-2027.json');
  const plan = JSON.parse(readFileSync(await json.path(), 'utf8'));
  delete plan.stats.solve_ms;
  const expected = structuredClone(cli.plan);
  delete expected.stats.solve_ms;
  assert.deepEqual(plan, expected, 'the browser computes the same plan as the command line');
  await done();
});

test('in Arabic the page is mirrored and every unmet need gives its reason in Arabic', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await language(page, 'ar');
  await solve(page);
  assert.match(await page.textContent('#solve-status'), ARABIC);
  const f = headlineFigures();
  const headline = (await page.textContent('#result-headline')).trim();
  assert.ok(
    headline.startsWith(`حصل ${grouped(f.placed)} من أصل ${grouped(f.trainees)} `) && headline.includes(`منها ${f.critical} بأولوية حرجة`),
    headline,
  );
  assert.match(await page.getAttribute('#state-glance li[data-state="TN"]', 'aria-label'), /^تونس: /);
  assert.match(await page.textContent('#state-glance li[data-state="TN"] .share-pct'), /^\d+٪$/);
  await page.screenshot({ path: join(SHOTS, 'plan-calendar-ar.png'), fullPage: true });
  // The first month sits on the right, and a January bar right of a December one.
  const months = await page.locator('.tl-months .tl-month').evaluateAll((m) => m.slice(0, 2).map((e) => e.getBoundingClientRect().x));
  assert.ok(months[0] > months[1], 'January is right of February');
  const byStart = [...DEMO.sessions].sort((a, b) => a.start.localeCompare(b.start));
  const [jan, dec] = [byStart[0].id, byStart[byStart.length - 1].id];
  const x = (id) => page.locator(`.slot.bar[data-session="${id}"]`).evaluate((e) => e.getBoundingClientRect().x);
  assert.ok((await x(jan)) > (await x(dec)), `${jan} is right of ${dec}`);
  assert.match(await page.getAttribute(`.slot.bar[data-session="${jan}"]`, 'aria-label'), ARABIC);
  await view(page, 'coverage');
  // Bars grow leftwards from one right-hand edge, with the names to their right.
  const bars = await page.locator('#chart-states .bar').evaluateAll((gs) =>
    gs.map((g) => {
      const r = g.querySelector('rect.needed');
      return { end: Number(r.getAttribute('x')) + Number(r.getAttribute('width')), label: Number(g.querySelector('text.label').getAttribute('x')) };
    }),
  );
  assert.equal(bars.length, 22);
  assert.ok(bars.every((b) => Math.abs(b.end - bars[0].end) < 0.01 && b.label > b.end && b.end > 720 / 2), JSON.stringify(bars[0]));
  await page.screenshot({ path: join(SHOTS, 'plan-coverage-ar.png'), fullPage: true });
  await view(page, 'unmet');
  const reasons = await page.locator('.unmet-row .reason').allTextContents();
  assert.equal(reasons.length, cli.plan.unmet.length);
  for (const r of reasons) assert.match(r, ARABIC);
  const details = await page.locator('.unmet-row .details li > span').allTextContents();
  assert.ok(details.length >= reasons.length);
  for (const d of details) assert.match(d, ARABIC);
  const capacity = await page.locator('.unmet-row[data-reason="capacity"] .reason').first().textContent();
  assert.equal(capacity, 'جميع المواعيد المناسبة ممتلئة.');
  assert.match((await page.locator('.unmet-row .missing').first().textContent()).trim(), /^\d+ من أصل .+ بلا مقعد$/);
  assert.match(await page.textContent('#unmet-pivot thead'), /السعة/);
  await page.screenshot({ path: join(SHOTS, 'plan-unmet-ar.png') });
  await view(page, 'by-state');
  await page.selectOption('#by-state-select', 'TN');
  assert.match(await page.textContent('#by-state-heading'), /تونس/);
  await page.screenshot({ path: join(SHOTS, 'plan-by-state-ar.png') });
  await done();
});

test("one state's calendar prints alone", async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  await view(page, 'by-state');
  await page.selectOption('#by-state-select', 'QA');
  const attended = [...new Set(cli.plan.allocations.filter((a) => stateOf(a.need) === 'QA').map((a) => a.session))];
  assert.equal(await page.locator('.state-sessions tbody tr').count(), attended.length);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.top').isVisible(), false);
  assert.equal(await page.locator('#solve').isVisible(), false);
  assert.equal(await page.locator('#by-state-select').isVisible(), false);
  assert.ok(await page.locator('.state-sessions').isVisible());
  assert.match(await page.textContent('#by-state-heading'), /Training calendar 2027 — .*Qatar/);
  await page.screenshot({ path: join(SHOTS, 'plan-print-QA-en.png'), fullPage: true });
  await done();
});

test('the roster keeps "1 / 4" in reading order in Arabic, says money with its currency, and asks before a pin from its form that breaks a need\'s rules', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  const courseOf = (session) => DEMO.courses.find((c) => c.id === DEMO.sessions.find((s) => s.id === session).course);
  const accepts = (need) => need.languages ?? DEMO.states.find((s) => s.code === need.state).languages;
  // A session with seats in the plan, and a need of its skill and level that does not accept its language.
  const placed = [...new Set(cli.plan.allocations.map((a) => a.session))];
  const [session, stranger] = placed
    .map((id) => {
      const c = courseOf(id);
      return [id, DEMO.needs.find((n) => n.skill === c.skill && n.level === c.level && !accepts(n).includes(c.language))];
    })
    .find(([, need]) => need);
  await page.click(`.slot[data-session="${session}"]`);
  await page.locator(`#roster[data-session="${session}"]`).waitFor();
  const cost = DEMO.sessions.find((s) => s.id === session).cost_per_seat;
  assert.equal((await page.textContent('#roster-cost')).trim(), `USD\u00a0${grouped(cost)}`);

  // The pin form warns as the unmet list does; cancel pins nothing.
  await page.selectOption('#pin-need', stranger.id);
  await page.fill('#pin-seats', '1');
  await page.click('#pin-submit');
  const ask = page.locator('#pin-form-confirm');
  await ask.waitFor();
  assert.match(await ask.textContent(), /^These trainees do not accept \S+.* \(they accept .+\)\. Pin anyway\?/);
  await ask.locator('.pin-cancel').click();
  await ask.waitFor({ state: 'detached' });
  assert.equal(await page.locator('#plan-stale').count(), 0, 'cancel pins nothing');

  // Arabic: each figure pair sits in a left-to-right isolate holding "seats / trainees".
  await language(page, 'ar');
  const expected = cli.plan.allocations.filter((a) => a.session === session);
  for (const a of expected) {
    const figure = page.locator(`#roster tbody tr[data-need="${a.need}"] .seats bdi`);
    assert.equal(await figure.getAttribute('dir'), 'ltr');
    assert.equal((await figure.textContent()).trim(), `${a.seats} / ${needOf(a.need).trainees}`);
  }
  assert.match(await page.textContent('#roster-cost'), /دولار أمريكي/);
  await page.screenshot({ path: join(SHOTS, 'plan-roster-ar.png') });

  // Pin anyway (in Arabic, the warning in Arabic): the pin is made and the plan out of date.
  await page.click('#pin-submit');
  await ask.waitFor();
  assert.match(await ask.textContent(), ARABIC);
  await ask.locator('.pin-anyway').click();
  await page.locator('#plan-stale').waitFor();
  await page.waitForFunction(
    ([n, s]) => (JSON.parse(localStorage.getItem('qudra.scenario'))?.scenario.pins ?? []).some((p) => p.need === n && p.session === s),
    [stranger.id, session],
  );
  await done();
});

test('the plan cost is grouped with its currency as each language writes it', async () => {
  const { page, goto, done } = await open();
  await goto();
  await planner(page);
  await solve(page);
  await view(page, 'coverage');
  const cost = page.locator('#total-cost');
  assert.match((await cost.textContent()).trim(), /^USD\u00a0\d{1,3}(,\d{3})*$/);
  await language(page, 'ar');
  assert.match((await cost.textContent()).trim(), /^\u2068\d{1,3}(,\d{3})*\u2069 دولار أمريكي$/);
  await language(page, 'fr');
  assert.match((await cost.textContent()).trim(), /^\d{1,3}(\u202f\d{3})*\u00a0USD$/);
  await done();
});
