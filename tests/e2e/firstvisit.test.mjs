// End-to-end tests of a first visit and of the details an Arabic or French user meets: the
// question of who the user is and the demo banner (English and Arabic), leaving the demo (start
// empty, import), the data menu away from Import, a deleted need taken back from its toast, a
// new session in the first free working week, and dates typed day/month/year.
//
//   cd tests/e2e && node --test firstvisit.test.mjs      (make e2e builds dist/ first)
//
// Environment: QUDRA_DIST (default ../../dist), CHROMIUM (default /usr/bin/chromium).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, language, needIds, needRowCount, needRowsAre, open as openPage, passFirstVisit, saved, startApp, stopApp } from './harness.mjs';

const DEMO = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-2027.json'), 'utf8'));
const ARABIC = /[\u0621-\u064A]/;

let app;
before(async () => {
  app = await startApp();
});
after(() => stopApp(app));

/** A fresh page (empty storage) that stops at the first visit's question. */
const open = (options) => openPage(app.browser, app.url, { firstVisit: null, ...options });
const needRows = (page) => page.locator('table.needs tbody tr');
const text = async (locator) => (await locator.textContent()).trim();

test('a first visit asks who the user is, opens that workspace and state, and remembers it', async () => {
  const { page, goto, done } = await open();
  await goto();
  await page.locator('#first-visit').waitFor();
  assert.equal(await page.locator('main .workspace').count(), 0, 'no workspace before the answer');
  assert.equal(await text(page.locator('#first-visit-heading')), 'Welcome to Qudra');
  // The state's name sits in an isolate, as every name inside a sentence.
  assert.equal(await text(page.locator('#first-focal')), `Focal point of \u2068${DEMO.states[0].name.en}\u2069`);
  await page.selectOption('#first-state', 'TN');
  assert.equal(await text(page.locator('#first-focal')), 'Focal point of \u2068Tunisia\u2069');
  await page.click('#first-focal');
  await page.locator('.workspace#focal').waitFor();
  assert.equal(await page.inputValue('#focal-state'), 'TN');
  assert.equal(await page.locator('#role-focal').getAttribute('aria-pressed'), 'true');
  // The data is the demo's, and the banner says so with what to do.
  const banner = page.locator('#demo-banner');
  assert.match(await banner.textContent(), /Demo data.*made up/);
  assert.equal(await text(page.locator('#demo-import')), 'Import your own scenario');
  assert.equal(await text(page.locator('#demo-start-empty')), 'Start with empty data');
  // Remembered: the next visit opens the workspace at once, still under the banner after an edit.
  await needRows(page).first().locator('input[data-path$=".note"]').fill('edited demo');
  await saved(page);
  await page.reload();
  await page.locator('.workspace#focal').waitFor();
  assert.equal(await page.locator('#first-visit').count(), 0);
  assert.equal(await page.inputValue('#focal-state'), 'TN');
  await banner.waitFor();
  await done();
});

test('the first visit and the demo banner in Arabic; the planner is chosen', async () => {
  const { page, goto, done } = await open();
  await goto();
  await page.locator('#first-visit').waitFor();
  await language(page, 'ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await text(page.locator('#first-visit-heading')), 'مرحباً بك في قدرة');
  assert.match(await text(page.locator('#first-focal')), /^نقطة الاتصال في \u2068الجزائر\u2069$/);
  assert.equal(await text(page.locator('#first-planner')), 'المخطِّط');
  await page.click('#first-planner');
  await page.locator('.workspace#planner').waitFor();
  const banner = page.locator('#demo-banner');
  assert.match(await banner.textContent(), /بيانات تجريبية/);
  assert.equal(await text(page.locator('#demo-start-empty')), 'البدء ببيانات فارغة');
  await page.reload();
  await page.locator('.workspace#planner').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  await done();
});

test('starting empty asks first, keeps the states, drops the demo needs and the banner', async () => {
  const { page, goto, done } = await open();
  await goto();
  await passFirstVisit(page, 'focal');
  const asked = [];
  let answer = false;
  page.on('dialog', (d) => {
    asked.push(d.message());
    return answer ? d.accept() : d.dismiss();
  });
  const before = await needRowCount(page);
  assert.ok(before > 0);
  await page.click('#demo-start-empty');
  assert.equal(asked.length, 1);
  assert.match(asked[0], /empty data/);
  assert.equal(await needRowCount(page), before, 'declined: nothing changed');
  answer = true;
  await page.click('#demo-start-empty');
  await page.locator('#demo-banner').waitFor({ state: 'detached' });
  assert.equal(await needRowCount(page), 0);
  assert.equal(await page.locator('#focal-state option').count(), DEMO.states.length);
  // Not the demo after a reload either.
  await saved(page);
  await page.reload();
  await page.locator('.workspace#focal').waitFor();
  assert.equal(await page.locator('#demo-banner').count(), 0);
  assert.equal(await needRowCount(page), 0);
  await done();
});

test('importing a scenario of ones own takes the banner away', async () => {
  const { page, goto, done } = await open();
  await goto();
  await passFirstVisit(page, 'centre');
  await page.locator('#demo-banner').waitFor();
  const own = { ...DEMO, title: 'Our plan 2027' };
  await page.setInputFiles('#import-file', {
    name: 'ours.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(own)),
  });
  await page.locator('.notice.info').waitFor();
  await page.locator('#demo-banner').waitFor({ state: 'detached' });
  await done();
});

test('reset and clear live in the data menu, away from Import', async () => {
  const { page, goto, done } = await open();
  await goto();
  await passFirstVisit(page);
  assert.equal(
    await page.locator('header .actions > #reset-demo, header .actions > #clear-local').count(),
    0,
    'not beside Import',
  );
  assert.equal(await page.locator('#reset-demo').isVisible(), false, 'hidden until the menu opens');
  await page.click('#data-menu-button');
  assert.equal(await page.locator('#data-menu #reset-demo').isVisible(), true);
  assert.equal(await page.locator('#data-menu #clear-local').isVisible(), true);
  // Clearing forgets everything: the next visit asks again.
  page.on('dialog', (d) => d.accept());
  await page.click('#clear-local');
  await page.reload();
  await page.locator('#first-visit').waitFor();
  await done();
});

test('a deleted need is taken back from its toast, at its place, after another edit', async () => {
  const { page, goto, done } = await open();
  await goto();
  await passFirstVisit(page);
  const before = await needIds(page);
  assert.ok(before.length >= 2);
  const gone = before[0];
  await needRows(page).first().locator('td.actions button.danger').click();
  await needRowsAre(page, before.length - 1);
  const toast = page.locator('.notice', { has: page.locator('.undo-delete') });
  assert.equal(await text(toast.locator('.text')), `Need \u2068${gone}\u2069 deleted.`);
  // Another edit in between is kept.
  await needRows(page).first().locator('input[data-path$=".note"]').fill('kept');
  await toast.locator('.undo-delete').click();
  await needRowsAre(page, before.length);
  assert.deepEqual(await needIds(page), before);
  assert.equal(await needRows(page).nth(1).locator('input[data-path$=".note"]').inputValue(), 'kept');
  assert.equal(await toast.count(), 0, 'the toast goes');
  await done();
});

test('a new session starts on the first free Sunday to Thursday, not on 1 January', async () => {
  const { page, goto, done } = await open();
  await goto();
  await passFirstVisit(page, 'centre');
  await page.click('#centre-tab-sessions');
  const before = await page.locator('table.sessions tbody tr').count();
  await page.click('#add-session');
  await page.waitForFunction((n) => document.querySelectorAll('table.sessions tbody tr').length === n, before + 1);
  const row = page.locator('table.sessions tbody tr').last();
  const start = await row.locator('input[data-path$=".start"]').inputValue();
  const end = await row.locator('input[data-path$=".end"]').inputValue();
  const course = DEMO.courses[0].id;
  const day = (d) => new Date(`${d}T00:00:00Z`);
  assert.notEqual(start, '2027-01-01');
  assert.equal(day(start).getUTCDay(), 0, `${start} is a Sunday`);
  assert.equal((day(end) - day(start)) / 86_400_000, 4, `${start}–${end} is Sunday to Thursday`);
  const overlaps = (a, b) => a.start <= b.end && b.start <= a.end;
  const week = { start, end };
  assert.ok(!DEMO.sessions.some((s) => s.course === course && overlaps(s, week)), 'no session of the course that week');
  assert.ok(!DEMO.states.some((s) => (s.blackouts ?? []).some((b) => overlaps(b, week))), 'no holiday that week');
  await done();
});

test('a date typed day/month/year is taken; the format is said in the interface language', async () => {
  const { page, goto, done } = await open();
  await goto();
  await passFirstVisit(page);
  const end = needRows(page).first().locator('input[data-path$=".window.end"]');
  assert.equal(await end.getAttribute('placeholder'), 'YYYY-MM-DD');
  await end.fill('15/03/2027');
  const cell = end.locator('xpath=ancestor::td[1]');
  await cell.getByText('15 March 2027').waitFor();
  assert.equal(await end.inputValue(), '2027-03-15');
  assert.equal(await cell.locator('.issue').count(), 0);
  // An ambiguous one is explained; in Arabic the format is said in Arabic words.
  await end.fill('07/02/2027');
  await cell.locator('.issue').waitFor();
  assert.match(await cell.locator('.issue').textContent(), /Day\/month or month\/day/);
  await language(page, 'ar');
  assert.match(await cell.locator('.issue').textContent(), /سنة-شهر-يوم/);
  const start = needRows(page).first().locator('input[data-path$=".window.start"]');
  assert.match(await start.getAttribute('placeholder'), ARABIC);
  const path = await start.getAttribute('data-path');
  await start.fill('١٥/٠٣/٢٠٢٧');
  await assert.doesNotReject(() =>
    page.waitForFunction((p) => document.querySelector(`input[data-path="${p}"]`)?.value === '2027-03-15', path),
  );
  await done();
});
