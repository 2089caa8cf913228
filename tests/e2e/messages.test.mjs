// Every kind of bad value a planner can type, with the Arabic interface: the message next to
// the field is in Arabic (the core's problems come typed and each language phrases them), never
// an English sentence. Ids, codes and numbers inside the message may stay Latin.
//
//   cd tests/e2e && node --test messages.test.mjs      (make e2e builds dist/ first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { passFirstVisit, startApp, stopApp } from './harness.mjs';

let server;
let browser;
let url;

before(async () => {
  ({ server, url, browser } = await startApp());
});

after(() => stopApp({ server, browser }));

/** Arabic letters (not only digits or punctuation of the Arabic block). */
const ARABIC = /[\u0621-\u064A]/;
/** Three Latin words in a row: an English sentence, which no Arabic message should hold. */
const LATIN_SENTENCE = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/;

// the tabs to click, the field (a CSS selector), what is typed, and the kind of problem it makes.
const CASES = [
  ['tab-needs', 'input[data-path^="needs["][data-path$=".trainees"]', '100001', 'count above 100,000'],
  ['tab-needs', 'input[data-path^="needs["][data-path$=".trainees"]', '0', 'fewer than 1 trainee'],
  ['tab-needs', 'input[data-path^="needs["][data-path$=".trainees"]', 'many', 'not a whole number'],
  ['tab-needs', 'input[data-path^="needs["][data-path$=".note"]', 'hidden \u202E text', 'bidi control'],
  [['tab-catalogue', 'centre-tab-sessions'], 'input[data-path^="sessions["][data-path$=".cost_per_seat"]', '-5', 'negative cost'],
  [['tab-catalogue', 'centre-tab-sessions'], 'input[data-path^="sessions["][data-path$=".cost_per_seat"]', '2000000000000', 'money above the bound'],
  [['tab-catalogue', 'centre-tab-sessions'], 'input[data-path^="sessions["][data-path$=".seats"]', '-1', 'negative seats'],
  [['tab-catalogue', 'centre-tab-sessions'], 'input[data-path^="sessions["][data-path$=".start"]', '2027-02-30', 'not a date'],
  [['tab-catalogue', 'centre-tab-sessions'], 'input[data-path^="sessions["][data-path$=".start"]', '2301-01-01', 'year after 2200'],
  [['tab-catalogue', 'centre-tab-sessions'], 'input[data-path^="sessions["][data-path$=".end"]', '1999-01-01', 'end before start'],
  [['tab-catalogue', 'centre-tab-courses'], 'input[data-path^="courses["][data-path*=".location"]', 'a\u0007b', 'control character'],
  [['tab-catalogue', 'centre-tab-courses'], 'input[data-path^="courses["][data-path*=".location"]', 'Doha\u202E', 'bidi override in a location'],
  ['tab-settings', 'input[data-path="settings.equity_bonus"]', '2000000', 'weight above the bound'],
  ['tab-settings', 'input[data-path="settings.equity_bonus"]', '-1', 'negative weight'],
  ['tab-settings', 'input[data-path="settings.currency"]', 'US\u202DD', 'bidi control in the currency'],
];

test('every kind of bad value typed in a field is explained in Arabic in the Arabic interface', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ar' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await passFirstVisit(page);
  await page.selectOption('#lang', 'ar');
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  await page.click('#role-planner');
  await page.locator('.workspace#planner').waitFor();
  const seen = [];
  for (const [tabs, selector, typed, what] of CASES) {
    for (const tab of [tabs].flat()) await page.click(`#${tab}`);
    const input = page.locator(`${selector}:visible`).first();
    await input.waitFor();
    const good = await input.inputValue();
    await input.fill(typed);
    // The message may stand at another field of the row (an end before its start is said at
    // the start): any field's message on the page, which holds only this one.
    const issue = page.locator('.issue').first();
    await issue.waitFor({ timeout: 5_000 });
    const texts = await page.locator('.issue').allTextContents();
    for (const text of texts) {
      assert.match(text, ARABIC, `${what} (${JSON.stringify(typed)}): ${text}`);
      assert.doesNotMatch(text, LATIN_SENTENCE, `${what} (${JSON.stringify(typed)}): ${text}`);
    }
    seen.push(`${what}: ${texts.join(' | ')}`);
    // Back to the good value: the field's draft is dropped and no message is left.
    await input.fill(good);
    await page.locator('.issue').first().waitFor({ state: 'detached', timeout: 5_000 });
  }
  console.log(seen.join('\n'));
  assert.deepEqual(errors, [], 'no page error');
  await context.close();
});
