// A value only the server refuses, shown where a problem the app finds itself is shown: next
// to its field, in the interface language. A focal point of Qatar adds a need and gives it an
// id that does not start with "QA-" (the app cannot know this rule: it is the server's); the
// 422's typed code is worded by the app's catalogues beside the id field, in English and in
// Arabic (no English words), and the row says the rest. Screenshots: fields-422-*.png.
//
//   cd tests/e2e && QUDRA_BIN=../../target/release/qudra node --test fields.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, needIds, needRowsAre } from './harness.mjs';
import { expectedRefusal, sharedWorkspace, signedIn } from './workspace.mjs';

const shared = sharedWorkspace();

/** The workspace's expected refusals, and the 422 this test provokes on purpose. */
function expected(message) {
  const path = new URL(message.location()?.url ?? '', 'http://x').pathname;
  return expectedRefusal(message) || (/status of 422/.test(message.text()) && path === '/api/needs');
}

async function serverRefusesAnId(lang, words) {
  const { page, done } = await signedIn(shared, 'focal-qa', 'focal', { lang, allow: expected });
  const stored = (await page.evaluate(() => fetch('/api/scenario').then((r) => r.json()))).needs.length;
  await needRowsAre(page, stored);
  const before = await needIds(page);
  await page.click('#add-need');
  await page.waitForFunction((n) => document.querySelectorAll('table.needs tbody tr').length > n, before.length);
  const added = (await needIds(page)).find((id) => !before.includes(id));
  assert.ok(added?.startsWith('QA-'), `a new need of Qatar: ${added}`);
  const state = page.locator(`.row-save:not(.pending)[data-row="needs/${added}"]`);
  await state.waitFor({ timeout: 15_000 });
  assert.equal(await state.getAttribute('class'), 'row-save ok', await page.locator(`tr[data-need="${added}"]`).textContent());

  const wrong = `Q-${lang ?? 'en'}-1`;
  const path = await page.locator(`tr[data-need="${added}"] input[data-path$="].id"]`).getAttribute('data-path');
  const input = page.locator(`input[data-path="${path}"]`);
  await input.fill(wrong);
  await input.press('Tab');
  const row = page.locator(`tr[data-need="${wrong}"]`);
  await row.locator(`.row-save.bad[data-row="needs/${wrong}"]`).waitFor({ timeout: 15_000 });
  const cell = row.locator('td:has(input[data-path$="].id"])');
  const issue = cell.locator('.issues .issue');
  await issue.waitFor();
  const text = (await issue.textContent()).replace(/[\u2068\u2069]/g, '');
  assert.equal(text, words.issue, 'the problem is next to the id field');
  assert.equal(await cell.locator('input').getAttribute('aria-invalid'), 'true', 'the field is marked');
  assert.equal(await cell.locator('input').inputValue(), wrong, 'what was typed stays');
  const rowWords = (await row.locator('.row-refusal').textContent()).trim();
  assert.equal(rowWords, words.row, 'the row points at the field, in the same language');
  if (lang === 'ar') {
    for (const shown of [text, rowWords]) {
      assert.match(shown, /[\u0600-\u06FF]/, `Arabic: ${shown}`);
      assert.doesNotMatch(shown, /need|start|server|refused/i, `no English: ${shown}`);
    }
  }
  const ids = (await page.evaluate(() => fetch('/api/scenario').then((r) => r.json()))).needs.map((n) => n.id);
  assert.ok(!ids.includes(wrong), 'the server did not keep it');
  await cell.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `fields-422-${lang ?? 'en'}.png`) });

  // Typed again as the server's rule asks: saved, and the problem is gone.
  const fixed = `QA-${lang ?? 'en'}-fixed`;
  await input.fill(fixed);
  await input.press('Tab');
  await page.locator(`.row-save.ok[data-row="needs/${fixed}"]`).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator(`tr[data-need="${fixed}"] .issues .issue`).count(), 0, 'no problem left on the row');
  await done();
}

test('a value only the server refuses shows next to its field, in English', () =>
  serverRefusesAnId(null, {
    issue: 'The id of a need of QA starts with QA-.',
    row: 'The server refused this value: see the marked field.',
  }));

test('the same in Arabic: Arabic words beside the field and at the row', () =>
  serverRefusesAnId('ar', {
    issue: 'معرِّف احتياج الدولة QA يبدأ بـ QA-.',
    row: 'رفض الخادم هذه القيمة: انظر الحقل المعلَّم.',
  }));
