// Saving that never loses anything: two browser contexts signed in as the same focal point
// edit the same need of a real `qudra serve --demo` (workspace.mjs). The one whose rev is stale
// gets 409 and sees who changed the row, when, and both values side by side; it keeps its own
// value (sent again over the new rev) or takes the server's. The server ends with the chosen
// value and every other need as it was. In English and Arabic.
//
//   cd tests/e2e && QUDRA_BIN=../../target/release/qudra node --test conflict.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS } from './harness.mjs';
import { serverNeeds, sharedWorkspace, signedIn as signedInAs, typeAndLeave } from './workspace.mjs';

const shared = sharedWorkspace();

/** A fresh context signed in as `login`, on its workspace, in `lang` if given. */
const signedIn = (login, lang = null) => signedInAs(shared, login, 'focal', { lang });

/** The row's conflict box: who and when, and the trainees on both sides. */
async function conflictOf(page, id) {
  const box = page.locator(`.row-conflict[data-row="needs/${id}"]`);
  await box.waitFor({ timeout: 10_000 });
  await box.scrollIntoViewIfNeeded();
  const row = box.locator('tr[data-field="trainees"]');
  return {
    box,
    changedBy: (await box.locator('.changed-by').textContent()).trim(),
    mine: (await row.locator('td.mine').textContent()).trim(),
    theirs: (await row.locator('td.theirs').textContent()).trim(),
  };
}

async function twoEditorsOfOneNeed(lang, login, words) {
  const first = await signedIn(login);
  const second = await signedIn(login, lang);
  const a = first.page;
  const b = second.page;
  const before = await serverNeeds(a);
  const id = await a.locator('table.needs tbody tr').first().evaluate((row) => row.dataset.need);
  const start = before.find((n) => n.id === id).trainees;
  const [theirs, mine, late] = [start + 11, start + 23, start + 31];

  // The first saves; the second, still on the old rev, is told and keeps its own value.
  await typeAndLeave(a, 'needs[0].trainees', String(theirs));
  await a.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });
  await typeAndLeave(b, 'needs[0].trainees', String(mine));
  const seen = await conflictOf(b, id);
  await b.screenshot({ path: join(SHOTS, `conflict-${lang ?? 'en'}.png`) });
  assert.match(seen.changedBy, words.changedBy(login), 'who and when');
  assert.deepEqual([seen.mine, seen.theirs], [String(mine), String(theirs)], 'both values side by side');
  assert.equal(await b.inputValue('input[data-path="needs[0].trainees"]'), String(mine), 'the typed value stays');
  assert.equal((await b.locator('.row-conflict .keep-mine').textContent()).trim(), words.keepMine);
  await b.click(`.row-conflict[data-row="needs/${id}"] .keep-mine`);
  await b.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });
  assert.equal(await b.locator('.row-conflict').count(), 0, 'the conflict is settled');
  assert.equal((await serverNeeds(a)).find((n) => n.id === id).trainees, mine, 'kept mine on the server');

  // Now the first is stale: it types, is told, and takes the server's value.
  await typeAndLeave(a, 'needs[0].trainees', String(late));
  const back = await conflictOf(a, id);
  assert.deepEqual([back.mine, back.theirs], [String(late), String(mine)]);
  await a.click(`.row-conflict[data-row="needs/${id}"] .take-theirs`);
  await a.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });
  assert.equal(await a.inputValue('input[data-path="needs[0].trainees"]'), String(mine), 'the server’s value shown');

  const after = await serverNeeds(a);
  assert.equal(after.find((n) => n.id === id).trainees, mine, 'the chosen value on the server');
  const others = (needs) => needs.filter((n) => n.id !== id);
  assert.deepEqual(others(after), others(before), 'every other need as it was');
  const history = await a.evaluate((need) => fetch(`/api/needs/${need}/history`).then((r) => r.json()), id);
  const updates = history.filter((entry) => entry.action === 'update').map((entry) => entry.after.trainees);
  assert.deepEqual(updates.slice(-2), [theirs, mine], 'two changes kept, none twice, the taken one not sent');
  await first.done();
  await second.done();
}

test('two tabs of one focal point edit the same need: the stale one keeps its value, then the other takes it (English)', () =>
  twoEditorsOfOneNeed(null, 'focal-qa', {
    changedBy: (login) => new RegExp(`^Changed by ${login} at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`),
    keepMine: 'Keep mine',
  }));

test('the same in Arabic', () =>
  twoEditorsOfOneNeed('ar', 'focal-eg', {
    changedBy: (login) => new RegExp(`^غيّره ${login} في \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`),
    keepMine: 'احتفظ بقيمتي',
  }));
