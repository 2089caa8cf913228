// End-to-end tests of the browser app: the built dist/ (trunk build --release), served with
// the app's Content-Security-Policy as a header, in Debian's headless Chromium. Each test opens
// a fresh browser context, so it starts with empty local storage like a first visit.
//
//   cd tests/e2e && node --test app.test.mjs      (make e2e builds dist/ first)
//
// Environment: QUDRA_DIST (default ../../dist), CHROMIUM (default /usr/bin/chromium),
// QUDRA_SCREENSHOTS (default ./screenshots).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, language, needRowCount, open as openPage, passFirstVisit, saved, startApp, stopApp, withinTarget } from './harness.mjs';
const STATES = 22;
/** What a first visit should take until the demo is on screen (the page, the wasm, the demo). */
const FIRST_RENDER_MS = 2_000;

let server;
let browser;
let url;

before(async () => {
  ({ server, url, browser } = await startApp());
});

after(() => stopApp({ server, browser }));

/** A fresh page of the app (see `open` in harness.mjs). */
const open = (options) => openPage(browser, url, options);

async function role(page, which) {
  await page.click(`#role-${which}`);
  await page.locator(`.workspace#${which}`).waitFor();
}

const storedScenario = (page) => page.evaluate(() => localStorage.getItem('qudra.scenario'));
const needRows = (page) => page.locator('table.needs tbody tr');

test('first visit shows the demo data for 22 states, with no CSP violation', async () => {
  const { page, goto, done } = await open();
  withinTarget('time to first render', await goto(), FIRST_RENDER_MS);
  assert.equal(await page.locator('#focal-state option').count(), STATES);
  assert.ok((await needRowCount(page)) > 0, 'the first state has needs');
  await role(page, 'planner');
  await page.click('#tab-states');
  assert.equal((await page.locator('#state-count').textContent()).trim(), String(STATES));
  assert.equal(await page.locator('table.states tbody tr').count(), STATES);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  await done();
});

test('Arabic sets dir=rtl and lang=ar, shows Arabic labels, mirrors the layout and is remembered', async () => {
  const { page, goto, done } = await open();
  await goto();
  await language(page, 'ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal((await page.textContent('#role-focal')).trim(), 'نقطة الاتصال');
  assert.equal((await page.textContent('#needs-heading')).trim(), 'الاحتياجات التدريبية');
  assert.equal((await page.textContent('#add-need')).trim(), 'إضافة احتياج');
  // Mirrored: the brand sits at the right-hand end of the header.
  const brand = await page.locator('.brand').boundingBox();
  assert.ok(brand.x > 1366 / 2, `brand on the right in Arabic (x = ${brand.x})`);
  // Names and ids are isolated so Latin ids stay readable inside Arabic text.
  assert.ok((await page.locator('table.needs bdi').count()) > 0);
  await page.reload();
  await page.locator('main .workspace').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await language(page, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.equal((await page.textContent('#role-focal')).trim(), 'Focal point');
  await done();
});

test('a focal point adds a need, reloads the page and finds it still there', async () => {
  const { page, goto, done } = await open();
  await goto();
  await page.selectOption('#focal-state', 'TN');
  const before = await needRowCount(page);
  await page.click('#add-need');
  await assert.doesNotReject(() => page.waitForFunction((n) => document.querySelectorAll('table.needs tbody tr').length === n + 1, before));
  const row = needRows(page).last();
  const id = await row.getAttribute('data-need');
  assert.match(id, /^TN-/);
  await row.locator('input[data-path$=".trainees"]').fill('7');
  await row.locator('input[data-path$=".note"]').fill('Added by the browser test');
  await row.locator('input[data-path$=".window.end"]').fill('2027-06-30');
  await assert.doesNotReject(() => row.getByText('30 June 2027').waitFor());
  await saved(page);
  await page.reload();
  await page.locator('main .workspace').waitFor();
  assert.equal(await page.inputValue('#focal-state'), 'TN', 'the chosen state is remembered');
  const again = page.locator(`tr[data-need="${id}"]`);
  assert.equal(await again.locator('input[data-path$=".trainees"]').inputValue(), '7');
  assert.equal(await again.locator('input[data-path$=".note"]').inputValue(), 'Added by the browser test');
  assert.equal(await again.locator('input[data-path$=".window.end"]').inputValue(), '2027-06-30');
  assert.equal(await needRowCount(page), before + 1);
  await done();
});

test('an edit is kept even when the page is closed at once (saved on page hide)', async () => {
  const { page, goto, done } = await open();
  await goto();
  const row = needRows(page).first();
  const id = await row.getAttribute('data-need');
  await row.locator('input[data-path$=".note"]').fill('typed just before leaving');
  await page.reload();
  await page.locator('main .workspace').waitFor();
  assert.equal(
    await page.locator(`tr[data-need="${id}"] input[data-path$=".note"]`).inputValue(),
    'typed just before leaving',
  );
  await done();
});

test('undo and redo walk an added need back and forth', async () => {
  const { page, goto, done } = await open();
  await goto();
  const before = await needRowCount(page);
  assert.ok(await page.isDisabled('#undo'));
  await page.click('#add-need');
  assert.equal(await needRowCount(page), before + 1);
  await page.click('#undo');
  assert.equal(await needRowCount(page), before);
  await page.click('#redo');
  assert.equal(await needRowCount(page), before + 1);
  await done();
});

test('"Saving…" turning into "Saved" moves nothing on the page, in each language', async () => {
  // A click aimed at a tab while the header said "Saving…" used to land 42 px off once it
  // said "Saved" (the header wrapped differently): the tabs must stay where they are.
  const { page, goto, done } = await open({ viewport: { width: 1440, height: 1000 } });
  await goto();
  await page.click('#role-centre');
  for (const lang of ['en', 'ar', 'fr']) {
    if (lang !== 'en') await language(page, lang);
    await saved(page);
    const top = () => document.querySelector('#centre-tab-capacity').getBoundingClientRect().top;
    const whenSaved = await page.evaluate(top);
    const whileSaving = await page.evaluate(async () => {
      document.querySelector('#add-session').click();
      // The page is drawn again in the next frame; the save waits 300 ms.
      await new Promise(requestAnimationFrame);
      const state = document.querySelector('#save-state').className;
      return { state, top: document.querySelector('#centre-tab-capacity').getBoundingClientRect().top };
    });
    assert.match(whileSaving.state, /pending/, `${lang}: the click was saved later`);
    await saved(page);
    assert.equal(whileSaving.top, whenSaved, `${lang}: the tabs stay put while saving`);
    assert.equal(await page.evaluate(top), whenSaved, `${lang}: and once saved`);
  }
  await done();
});

test('reset to demo and clear local data ask first, and do nothing when declined', async () => {
  const { page, goto, done } = await open();
  await goto();
  const note = () => needRows(page).first().locator('input[data-path$=".note"]');
  await note().fill('mine');
  await saved(page);
  const asked = [];
  let answer = false;
  page.on('dialog', (d) => {
    asked.push(d.type());
    return answer ? d.accept() : d.dismiss();
  });
  // Both sit in the data menu, away from Import.
  await page.click('#data-menu-button');
  await page.click('#reset-demo');
  await page.click('#clear-local');
  assert.deepEqual(asked, ['confirm', 'confirm']);
  assert.equal(await note().inputValue(), 'mine');
  answer = true;
  await page.click('#reset-demo');
  await page.locator('.notice.info').waitFor();
  assert.notEqual(await note().inputValue(), 'mine');
  await page.click('#undo');
  assert.equal(await note().inputValue(), 'mine', 'a reset is one undo step');
  await saved(page);
  await page.click('#clear-local');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('qudra.')).length), 0);
  await page.reload();
  // Nothing is stored any more: the first visit's question again.
  await passFirstVisit(page);
  assert.notEqual(await note().inputValue(), 'mine');
  await done();
});

test('an invalid value shows a message next to the field and is not saved', async () => {
  const { page, goto, done } = await open();
  await goto();
  const row = needRows(page).first();
  const id = await row.getAttribute('data-need');
  const trainees = row.locator('input[data-path$=".trainees"]');
  const good = await trainees.inputValue();
  await trainees.fill('0');
  const cell = trainees.locator('xpath=ancestor::td[1]');
  await cell.locator('.issue').waitFor();
  assert.match(await cell.locator('.issue').textContent(), /at least 1/i);
  assert.equal(await trainees.getAttribute('aria-invalid'), 'true');
  assert.equal((await cell.locator('.not-saved').textContent()).trim(), 'Not saved');
  await trainees.fill('many');
  assert.match(await cell.locator('.issue').textContent(), /whole number/);
  // The same check in Arabic, in Arabic.
  await language(page, 'ar');
  assert.match(await cell.locator('.issue').textContent(), /[\u0600-\u06FF]/);
  // A Hijri date typed in Arabic digits is explained, not just refused, and in Arabic: the
  // field reads dates with the reader the CSV import uses (model::read).
  const end = row.locator('input[data-path$=".window.end"]');
  await end.fill('١٤٤٨-٠٩-٠١');
  const endIssue = end.locator('xpath=ancestor::td[1]').locator('.issue');
  await endIssue.waitFor();
  assert.match(await endIssue.textContent(), /هجري/);
  // A value taken into the scenario would make the header say "saving" until it is written.
  await saved(page);
  await page.reload();
  await page.locator('main .workspace').waitFor();
  const stored = JSON.parse((await storedScenario(page)) ?? '{"scenario":{"needs":[]}}');
  assert.ok(!stored.scenario.needs.some((n) => n.trainees === 0), 'the refused value was never stored');
  assert.equal(await page.locator(`tr[data-need="${id}"] input[data-path$=".trainees"]`).inputValue(), good);
  await done();
});

test('importing a bad file changes nothing and says why', async () => {
  const { page, goto, done } = await open();
  await goto();
  // One edit first, so storage holds a scenario to compare with.
  await needRows(page).first().locator('input[data-path$=".note"]').fill('kept');
  await saved(page);
  const stored = await storedScenario(page);
  const rows = await needRowCount(page);
  const demo = JSON.parse(stored).scenario;
  const broken = structuredClone(demo);
  broken.needs[0].trainees = 0;
  const misspelt = JSON.stringify(demo).replace('"trainees"', '"trainess"');
  const files = [
    ['not-json.json', '{ this is not json'],
    ['invalid.json', JSON.stringify(broken)],
    ['misspelt.json', misspelt],
    ['other.json', '{"format": "something-else"}'],
  ];
  for (const [name, text] of files) {
    await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const warning = page.locator('.notice.warning').last();
    await warning.waitFor();
    assert.ok((await warning.textContent()).length > 20, `${name}: a clear message`);
    await warning.locator('button').click();
    assert.equal(await storedScenario(page), stored, `${name}: storage unchanged`);
    assert.equal(await needRowCount(page), rows, `${name}: table unchanged`);
    assert.ok(await page.isEnabled('#undo'));
  }
  // An import taken into the scenario would make the header say "saving" until it is written.
  await saved(page);
  assert.equal(await storedScenario(page), stored);
  await done();
});

test("a focal point's submission round-trips into the centre's scenario", async () => {
  const focal = await open();
  await focal.goto();
  await focal.page.selectOption('#focal-state', 'QA');
  await focal.page.click('#add-need');
  await focal.page.locator('table.needs tbody tr').last().locator('input[data-path$=".trainees"]').fill('9');
  const count = await needRowCount(focal.page);
  const [download] = await Promise.all([focal.page.waitForEvent('download'), focal.page.click('#export-submission')]);
  assert.equal(download.suggestedFilename(), 'qudra-submission-QA.json');
  const file = { name: 'qudra-submission-QA.json', mimeType: 'application/json', buffer: readFileSync(await download.path()) };
  assert.equal(JSON.parse(file.buffer.toString()).format, 'qudra-submission');
  await focal.done();

  const centre = await open();
  await centre.goto();
  await centre.page.selectOption('#focal-state', 'QA');
  assert.equal(await needRowCount(centre.page), count - 1);
  await centre.page.setInputFiles('#import-file', file);
  await centre.page.locator('.notice.info').waitFor();
  assert.equal(await needRowCount(centre.page), count);
  await centre.page.click('#undo');
  assert.equal(await needRowCount(centre.page), count - 1, 'an import is one undo step');
  await centre.done();
});

test('a failed save shows a warning and the last good copy stays loadable', async () => {
  const { page, goto, done } = await open({
    init: () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'qudra.scenario' && sessionStorage.getItem('full') === 'yes') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return setItem.call(this, key, value);
      };
    },
  });
  await goto();
  const note = needRows(page).first().locator('input[data-path$=".note"]');
  await note.fill('first, saved');
  await saved(page);
  await page.evaluate(() => sessionStorage.setItem('full', 'yes'));
  await note.fill('second, cannot be saved');
  await page.locator('.notice.warning').waitFor();
  assert.match(await page.locator('.notice.warning').textContent(), /not saved|could not/i);
  await page.locator('#save-state.bad').waitFor();
  await page.evaluate(() => sessionStorage.removeItem('full'));
  await page.reload();
  await page.locator('main .workspace').waitFor();
  assert.equal(await needRows(page).first().locator('input[data-path$=".note"]').inputValue(), 'first, saved');
  await done();
});

test('data saved by a newer version is refused and never overwritten', async () => {
  const { page, goto, done } = await open();
  await goto();
  const newer = JSON.stringify({ schema_version: 99, scenario: { from: 'the future' } });
  await page.evaluate((v) => localStorage.setItem('qudra.scenario', v), newer);
  await page.reload();
  await page.locator('main .workspace').waitFor();
  await page.locator('.notice.warning').waitFor();
  await page.locator('#save-state.bad').waitFor();
  await needRows(page).first().locator('input[data-path$=".note"]').fill('an edit');
  // Leaving the page writes whatever is waiting to be saved (pagehide): after a reload the
  // newer data must still be there, and still refused.
  await page.reload();
  await page.locator('#save-state.bad').waitFor();
  assert.equal(await storedScenario(page), newer);
  await done();
});

test('screenshots of each workspace in English and Arabic', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { page, goto, done } = await open();
  await goto();
  for (const lang of ['en', 'ar']) {
    await language(page, lang);
    for (const which of ['focal', 'centre', 'planner']) {
      await role(page, which);
      await page.screenshot({ path: join(SHOTS, `${which}-${lang}.png`) });
    }
    await role(page, 'centre');
    await page.click('#centre-tab-year');
    await page.screenshot({ path: join(SHOTS, `centre-year-${lang}.png`) });
    await role(page, 'planner');
    await page.click('#tab-settings');
    await page.screenshot({ path: join(SHOTS, `planner-settings-${lang}.png`) });
    await page.click('#tab-states');
    await page.screenshot({ path: join(SHOTS, `planner-states-${lang}.png`) });
  }
  console.log(`screenshots: ${SHOTS}`);
  await done();
});
