// End-to-end tests of "Where to add capacity" and the value of a seat (issue 14) on the demo, in
// English and Arabic, in headless Chromium: the regional centre solves, asks for five new
// sessions (found in the solver's worker), sees each with its course title and its dates in
// words, marked on the year view; adds the first as a draft session, solves again, and the
// trainees without a seat fall by exactly the number the proposal promised; Undo takes it back.
// After the plan, the session list says whom one more seat would serve. The time the search
// took in the browser is printed (the target for a region-scale scenario: 15 s).
//
//   cd tests/e2e && node --test capacity.test.mjs      (make e2e builds dist/ first)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, appForTests, language, solveUnmet as solve } from './harness.mjs';

/** The search may take this long on a busy machine before the test gives up. */
const SEARCH_TIMEOUT_MS = 600_000;

const open = appForTests();

const WORDS = {
  en: {
    days: /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} (\w+ )?– (Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} \w+ 2027$/,
    found: /new sessions/,
    seat: /^One more seat here would serve a priority-\d need of \S/,
    placed: /^\+\d+ trainees? placed$/,
  },
  ar: {
    days: /^(الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت) \d{1,2} .*– (الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت) \d{1,2} \S+ 2027$/,
    found: /مواعيد/,
    seat: /^مقعد إضافي هنا يخدم احتياجًا بأولوية \d لدى \S/,
    placed: /^متدربون يحصلون على مقعد: \+\d+$/,
  },
};

for (const lang of ['en', 'ar']) {
  test(`${lang}: the centre adds the first proposal and the unmet trainees fall by what it promised`, async () => {
    const words = WORDS[lang];
    const { page, goto, done } = await open();
    await goto();
    if (lang !== 'en') await language(page, lang);
    await page.click('#role-centre');
    await page.click('#centre-tab-capacity');
    const unmetBefore = await solve(page);
    assert.ok(unmetBefore > 0, 'the demo leaves trainees without a seat');

    // Five proposals, found in the worker while the page stays usable.
    assert.equal(await page.locator('#capacity-k').inputValue(), '5');
    await page.click('#capacity-find');
    await page.locator('#capacity-status[data-state="searching"]').waitFor();
    assert.ok(await page.isDisabled('#capacity-find'), 'one search at a time');
    await page.locator('#capacity-stop').waitFor();
    await page.locator('#capacity-status[data-state="found"]').waitFor({ timeout: SEARCH_TIMEOUT_MS });
    const status = page.locator('#capacity-status');
    const ms = Number(await status.getAttribute('data-ms'));
    console.log(
      `${lang}: recommend K=5 on the demo in the browser (wasm, one thread): ${ms} ms, ` +
        `status ${await status.getAttribute('data-status')} (issue's target at region scale: 15000 ms)`,
    );
    assert.match(await status.textContent(), words.found);
    const cards = page.locator('#proposals .proposal');
    assert.equal(await cards.count(), 5);
    for (let i = 0; i < 5; i += 1) {
      const card = cards.nth(i);
      assert.ok((await card.locator('.proposal-title').textContent()).trim().length > 3, 'a course title');
      assert.match((await card.locator('.proposal-days').textContent()).trim(), words.days);
      assert.match((await card.locator('.proposal-placed').textContent()).trim(), words.placed);
      assert.ok((await card.locator('.gainers li').count()) > 0, 'who gains, by state and priority');
    }
    if (lang === 'ar') {
      assert.match(await cards.first().locator('.proposal-title').textContent(), /[\u0600-\u06FF]/);
    }
    await page.screenshot({ path: join(SHOTS, `capacity-${lang}.png`), fullPage: true });

    // The proposals are marked on the year view.
    await page.click('#centre-tab-year');
    assert.equal(await page.locator('.chip.proposed').count(), 5);
    await page.click('#centre-tab-capacity');

    // Add the first as a draft session, solve again: the promise is kept exactly.
    const first = page.locator('#proposals .proposal').first();
    const promised = Number(await first.getAttribute('data-trainees'));
    const session = await first.getAttribute('data-session');
    assert.ok(promised > 0);
    await first.locator('.add-draft').click();
    await page.locator(`#proposals .proposal[data-session="${session}"][data-added="true"]`).waitFor();
    const unmetAfter = await solve(page);
    assert.equal(unmetBefore - unmetAfter, promised, 'the unmet trainees fall by the promised trainees');
    await page.click('#centre-tab-year');
    assert.equal(await page.locator('.chip.proposed').count(), 4, 'the added one is a session now');
    assert.equal(await page.locator(`.chip.proposed[data-session="${session}"]`).count(), 0);

    // The value of a seat, in the session list, after the plan.
    await page.click('#centre-tab-sessions');
    const serves = page.locator('.seat-value.serves');
    await serves.first().waitFor({ timeout: SEARCH_TIMEOUT_MS });
    assert.match((await serves.first().textContent()).trim(), words.seat);

    // Undo takes the draft session back out: one row fewer in the session list, and the
    // proposal can be added again.
    const rows = page.locator('table.grid.sessions tbody tr');
    const sessionsBefore = await rows.count();
    await page.click('#undo');
    await page.waitForFunction((n) => document.querySelectorAll('table.grid.sessions tbody tr').length === n - 1, sessionsBefore);
    await page.click('#centre-tab-capacity');
    await page.locator('#centre-tab-capacity[aria-selected="true"]').waitFor();
    await page.locator(`#proposals .proposal[data-session="${session}"][data-added="false"] .add-draft`).waitFor();
    await done();
  });
}

test('Stop ends the search and says nothing was proposed', async () => {
  const { page, goto, done } = await open();
  await goto();
  await page.click('#role-centre');
  await page.click('#centre-tab-capacity');
  await page.selectOption('#capacity-k', '10');
  await page.click('#capacity-find');
  await page.locator('#capacity-stop').click();
  await page.locator('#capacity-status[data-state="stopped"]').waitFor();
  assert.equal(await page.locator('#proposals .proposal').count(), 0);
  assert.ok(await page.isEnabled('#capacity-find'), 'a new search can start');
  await done();
});
