// Spreadsheets into the browser app, as a focal point and the regional centre would bring them:
// a needs CSV as Excel saves it (BOM, semicolons, CRLF) adds its rows; a file with one bad line
// changes nothing and says which line and column, in the interface's language, and a click on
// the place shows that row of the file; two rows pasted from a spreadsheet are added; each empty
// template downloads with the importer's header.
//
//   cd tests/e2e && node --test import.test.mjs      (make e2e builds dist/ first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHOTS, startApp, stopApp, open, language, saved } from './harness.mjs';

let server;
let browser;
let url;

before(async () => {
  ({ server, url, browser } = await startApp());
});

after(() => stopApp({ server, browser }));

const DEMO_NEEDS = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-2027.json'), 'utf8')).needs.length;
const NEEDS_HEADER = 'state,skill,level,trainees,priority,window_start,window_end,languages,modes,note';
const SESSIONS_HEADER = 'session,course,start,end,seats,max_per_state,min_participants,cost_per_seat,open_to';
/** Arabic letters (not only digits or punctuation of the Arabic block). */
const ARABIC = /[\u0621-\u064A]/;
/** Three Latin words in a row: an English sentence, which no Arabic message should hold. */
const LATIN_SENTENCE = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/;

/** A CSV as Excel writes it with a French or Arabic locale: BOM, `;` separators, CRLF. */
const excel = (lines) => Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');

const GOOD = excel([
  NEEDS_HEADER.replaceAll(',', ';'),
  'QA;forensics;1;4;3;;;ar;in_person;مختبر الأدلة الرقمية',
  'قطر;osint;2;٦;5;2027-03-01;2027-06-30;ar;online;',
  'QA;crypto;1;2;4;;;;;"Unité; financière"',
]);
/** Line 3 (the header is line 1) has "two" trainees. */
const BAD = excel([
  NEEDS_HEADER.replaceAll(',', ';'),
  'QA;forensics;1;4;3;;;;;',
  'QA;osint;2;two;5;;;;;',
  'QA;crypto;1;2;4;;;;;',
]);

/** The needs the app holds, as saved in this browser. */
const storedNeeds = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('qudra.scenario') ?? '{"scenario":{"needs":[]}}').scenario.needs);

async function importNeeds(page, name, buffer) {
  await page.setInputFiles('#import-needs-csv', { name, mimeType: 'text/csv', buffer });
}

async function asFocalPointOf(page, state) {
  await page.click('#role-focal');
  await page.locator('.workspace#focal').waitFor();
  await page.selectOption('#focal-state', state);
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('a focal point imports a needs CSV, is told exactly where a bad one is wrong, pastes rows, downloads the template', async () => {
  const { page, goto, done } = await open(browser, url);
  await goto();
  await asFocalPointOf(page, 'QA');

  await importNeeds(page, 'needs-QA.csv', GOOD);
  await page.locator('#sheet-report[data-outcome="taken"]').waitFor();
  assert.equal((await page.textContent('#sheet-report .headline')).trim(), '3 needs added.');
  await saved(page);
  const needs = await storedNeeds(page);
  assert.equal(needs.length, DEMO_NEEDS + 3, 'the count rises by the file rows');
  assert.deepEqual(
    needs.slice(-3).map((n) => [n.state, n.skill, n.trainees]),
    [['QA', 'forensics', 4], ['QA', 'osint', 6], ['QA', 'crypto', 2]],
  );
  assert.match(await page.textContent('#needs-heading + .totals'), /^24 needs/);

  await importNeeds(page, 'needs-bad.csv', BAD);
  await page.locator('#sheet-report[data-outcome="refused"]').waitFor();
  assert.match(await page.textContent('#sheet-report .headline'), /^Nothing was imported: 1 problem to fix/);
  const problem = page.locator('#sheet-report li[data-line="3"][data-column="trainees"]');
  assert.match(await problem.textContent(), /^Line 3, column \u2068trainees\u2069: \u2068two\u2069: Enter a whole number\./);
  assert.equal((await storedNeeds(page)).length, DEMO_NEEDS + 3, 'nothing changed');
  // The place is a link to the row of the file, the bad cell marked.
  await problem.locator('button.link').click();
  const preview = page.locator('#row-preview[data-line="3"]');
  await preview.waitFor();
  assert.equal((await preview.locator('th.bad').textContent()).trim(), 'trainees');
  assert.equal((await preview.locator('td.bad').textContent()).trim(), 'two');
  await page.click('#row-preview-close');
  await preview.waitFor({ state: 'detached' });

  // Two rows copied from Excel: tab-separated, no header.
  await page.fill('#paste-needs', 'QA\tmobile\t1\t3\t2\t\t\t\t\tpasted\nQA\tmalware\t2\t1\t5');
  await page.click('#paste-add');
  await page.locator('#sheet-report[data-outcome="taken"]').waitFor();
  assert.equal((await page.textContent('#sheet-report .headline')).trim(), '2 needs added.');
  assert.equal(await page.inputValue('#paste-needs'), '', 'the box is emptied once its rows are in');
  await saved(page);
  assert.equal((await storedNeeds(page)).length, DEMO_NEEDS + 5);

  // A pasted row of another state: a focal point imports only its own state's needs.
  await page.fill('#paste-needs', 'TN\tmobile\t1\t3\t2');
  await page.click('#paste-add');
  await page.locator('#sheet-report[data-outcome="refused"]').waitFor();
  assert.match(
    await page.textContent('#sheet-report li[data-line="1"][data-column="state"]'),
    /only the needs of \u2068QA\u2069/,
  );

  const template = await download(page, '#template-needs');
  assert.equal(template.name, 'qudra-needs-template.csv');
  const text = template.bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with a BOM, as Excel needs for Arabic');
  assert.equal(text.slice(1).split('\r\n')[0], NEEDS_HEADER);
  // Undo takes the last import back in one step.
  await page.click('#undo');
  await saved(page);
  assert.equal((await storedNeeds(page)).length, DEMO_NEEDS + 3);
  await done();
});

test('in Arabic the report and each problem are Arabic, name the line and the column, and change nothing', async () => {
  const { page, goto, done } = await open(browser, url, { locale: 'ar' });
  await goto();
  await language(page, 'ar');
  await asFocalPointOf(page, 'QA');

  await importNeeds(page, 'احتياجات.csv', GOOD);
  await page.locator('#sheet-report[data-outcome="taken"]').waitFor();
  assert.equal((await page.textContent('#sheet-report .headline')).trim(), 'أُضيف 3 احتياجات.');
  await saved(page);
  assert.equal((await storedNeeds(page)).length, DEMO_NEEDS + 3);

  await importNeeds(page, 'bad.csv', BAD);
  await page.locator('#sheet-report[data-outcome="refused"]').waitFor();
  const headline = await page.textContent('#sheet-report .headline');
  assert.match(headline, /^لم يُستورد شيء: مشكلة واحدة/);
  const problem = await page.textContent('#sheet-report li[data-line="3"][data-column="trainees"]');
  assert.match(problem, /^السطر 3، العمود \u2068trainees\u2069: /);
  assert.match(problem, ARABIC);
  assert.doesNotMatch(problem, LATIN_SENTENCE, problem);
  assert.equal((await storedNeeds(page)).length, DEMO_NEEDS + 3, 'nothing changed');
  await page.locator('#sheet-report li[data-line="3"] button.link').click();
  await page.locator('#row-preview').waitFor();
  await page.screenshot({ path: join(SHOTS, 'import-report-ar.png'), fullPage: false });

  await page.fill('#paste-needs', 'QA\tmobile\t1\t3\t2\nQA\tmalware\t2\t1\t5');
  await page.click('#paste-add');
  await page.locator('#sheet-report[data-outcome="taken"]').waitFor();
  assert.equal((await page.textContent('#sheet-report .headline')).trim(), 'أُضيف احتياجان.');

  // The centre imports sessions and downloads their template.
  await page.click('#role-centre');
  await page.locator('.workspace#centre').waitFor();
  const template = await download(page, '#template-sessions');
  assert.equal(template.name, 'qudra-sessions-template.csv');
  assert.equal(template.bytes.toString('utf8').slice(1).split('\r\n')[0], SESSIONS_HEADER);
  const sessions = Buffer.from(
    `${SESSIONS_HEADER}\nDF-101-Z,DF-101,2027-09-05,2027-09-09,18,,,,\nDF-101-Y,DF-101,2027-09-30,2027-09-12,18,,,,\n`,
  );
  await page.setInputFiles('#import-sessions-csv', { name: 'sessions.csv', mimeType: 'text/csv', buffer: sessions });
  await page.locator('#sheet-report[data-outcome="refused"]').waitFor();
  const ended = await page.textContent('#sheet-report li[data-line="3"]');
  assert.match(ended, /^السطر 3/);
  assert.match(ended, ARABIC);
  await done();
});
