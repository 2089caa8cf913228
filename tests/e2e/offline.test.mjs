// The offline queue against a real `qudra serve --demo` (workspace.mjs) that the test takes
// down and brings back on the same port and SQLite file: a focal point's edits made while the
// server is gone wait in order (the banner counts them, each row says it waits), and arrive
// exactly once when it answers again — also after a reload made while it was gone; another
// account on the same browser keeps them for their owner; a queued edit over a row changed
// meanwhile meets the conflict rules. And a need's id change that the server refuses leaves
// the original need on the server.
//
//   cd tests/e2e && QUDRA_BIN=../../target/release/qudra node --test offline.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, launchChromium, needIds } from './harness.mjs';
import { expectedRefusal, serverNeeds, signedIn as signIn, startWorkspace, typeAndLeave } from './workspace.mjs';

let workspace;
let browser;

before(async () => {
  workspace = await startWorkspace();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await workspace?.stop();
});

/**
 * The console lines these tests cause on purpose: the connected app's usual refusals, every
 * request while the server is down (Chromium logs each refused connection), and the 422 of
 * the refused id change.
 */
function expected(message) {
  if (expectedRefusal(message)) return true;
  if (/net::ERR_(CONNECTION_REFUSED|INTERNET_DISCONNECTED)/.test(message.text())) return true;
  const path = new URL(message.location()?.url ?? '', 'http://x').pathname;
  if (/status of 404/.test(message.text())) return /^\/api\/needs\/[^/]+\/history$/.test(path);
  return /status of 422/.test(message.text()) && path.startsWith('/api/needs');
}

/** A fresh context signed in as the focal point `login`, in `lang` if given. */
const signedIn = (login, lang) => signIn({ browser, workspace }, login, 'focal', { lang, allow: expected });

/** The audit log's entries for one need (its history), as the focal point reads them; a need
 *  never changed on the server has none (404). */
const historyOf = (page, id) =>
  page.evaluate(
    (need) => fetch(`/api/needs/${need}/history`).then((r) => (r.status === 404 ? [] : r.json())),
    id,
  );

const timed = async (what, step) => {
  const started = Date.now();
  const result = await step();
  console.log(`${what}: ${Date.now() - started} ms`);
  return result;
};

test('edits made while the server is down wait, are counted, and arrive once when it is back (English)', async () => {
  const { page, done } = await signedIn('focal-qa');
  const [a, b] = (await needIds(page)).slice(0, 2);
  const before = await serverNeeds(page);
  const trainees = (id) => before.find((n) => n.id === id).trainees;
  const changed = { [a]: trainees(a) + 13, [b]: trainees(b) + 17 };
  const historyBefore = { [a]: (await historyOf(page, a)).length, [b]: (await historyOf(page, b)).length };

  await timed('server down', () => workspace.down());
  await typeAndLeave(page, 'needs[0].trainees', String(changed[a]));
  await typeAndLeave(page, 'needs[1].trainees', String(changed[b]));
  await page.locator('#offline-count', { hasText: '2 edits wait to be sent' }).waitFor({ timeout: 15_000 });
  for (const id of [a, b]) {
    const state = page.locator(`.row-save[data-row="needs/${id}"]`);
    await page.locator(`.row-save.waiting[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });
    assert.equal((await state.textContent()).trim(), 'Waits to be sent', `${id} says it waits`);
  }
  assert.equal(await page.locator('.row-save.bad').count(), 0, 'no row says "Not saved"');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('qudra.queue')));
  assert.equal(stored.schema_version, 1);
  assert.deepEqual(
    stored.queues[0].edits.map((edit) => [edit.id, edit.op.op, edit.op.body.trainees]),
    [
      [a, 'replace', changed[a]],
      [b, 'replace', changed[b]],
    ],
    'both edits stored in order, for focal-qa',
  );
  assert.equal(stored.queues[0].owner.login, 'focal-qa');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'offline-en.png') });

  await timed('server back', () => workspace.up());
  await timed('queue sent after the server came back', () =>
    page.locator('#offline-queue').waitFor({ state: 'detached', timeout: 20_000 }),
  );
  for (const id of [a, b]) await page.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('qudra.queue')), null, 'the queue is emptied');

  const after = await serverNeeds(page);
  for (const id of [a, b]) {
    assert.equal(after.find((n) => n.id === id).trainees, changed[id], `${id} on the server`);
    const history = await historyOf(page, id);
    assert.equal(history.length, historyBefore[id] + 1, `${id}: one audit entry for one edit`);
  }
  const others = (needs) => needs.filter((n) => n.id !== a && n.id !== b);
  assert.deepEqual(others(after), others(before), 'nothing else changed');
  await done();
});

test('in Arabic, an edit queued before a reload made while the server is down arrives once after it is back', async () => {
  const { page, done } = await signedIn('focal-eg', 'ar');
  const [id] = await needIds(page);
  const start = (await serverNeeds(page)).find((n) => n.id === id).trainees;
  const value = start + 9;
  const historyBefore = (await historyOf(page, id)).length;

  await workspace.down();
  await typeAndLeave(page, 'needs[0].trainees', String(value));
  await page.locator('#offline-count', { hasText: 'تعديل واحد ينتظر الإرسال' }).waitFor({ timeout: 15_000 });
  assert.equal((await page.locator(`.row-save[data-row="needs/${id}"]`).textContent()).trim(), 'ينتظر الإرسال');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'offline-ar.png') });

  // Without the server the page itself cannot load (it is served by `qudra serve`): the
  // browser shows its own error page, and the queue waits in the browser's storage.
  await assert.rejects(page.reload(), /ERR_CONNECTION_REFUSED/);
  await workspace.up();
  await timed('reloaded page sent its queue', async () => {
    await page.goto(workspace.url);
    await page.locator('.workspace#focal').waitFor({ timeout: 30_000 });
    await page.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 20_000 });
  });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await page.locator('#offline-queue').count(), 0, 'nothing waits');
  assert.equal(await page.inputValue('input[data-path="needs[0].trainees"]'), String(value));
  assert.equal((await serverNeeds(page)).find((n) => n.id === id).trainees, value, 'on the server');
  assert.equal((await historyOf(page, id)).length, historyBefore + 1, 'one audit entry for one edit');
  assert.equal(await page.evaluate(() => localStorage.getItem('qudra.queue')), null);
  await done();
});

test('another account on the same browser does not send the queue: it is kept for its owner and named', async () => {
  const { page, context, done } = await signedIn('focal-qa');
  const [id] = await needIds(page);
  const start = (await serverNeeds(page)).find((n) => n.id === id).trainees;
  await workspace.down();
  await typeAndLeave(page, 'needs[0].trainees', String(start + 5));
  await page.locator('#offline-count', { hasText: '1 edit waits to be sent' }).waitFor({ timeout: 15_000 });
  await page.goto('about:blank');
  await workspace.up();

  // focal-tn signs in on the same browser (same storage; focal-qa's session cookie gone):
  // focal-qa's edit is neither sent nor lost.
  await context.clearCookies();
  const other = await context.newPage();
  await other.goto(workspace.url);
  await other.locator('#sign-in-form').waitFor({ timeout: 30_000 });
  await other.fill('#login', 'focal-tn');
  await other.fill('#password', workspace.accounts['focal-tn']);
  await other.click('#sign-in-submit');
  await other.locator('.workspace#focal').waitFor({ timeout: 30_000 });
  const note = other.locator('.offline-others');
  await note.waitFor({ timeout: 10_000 });
  assert.match(await note.textContent(), /^1 edit by \u2068focal-qa\u2069 waits on this browser/);
  assert.equal(await other.locator('#offline-queue').count(), 0, 'focal-tn has nothing waiting');
  assert.ok(await other.evaluate(() => localStorage.getItem('qudra.queue')), 'kept in storage');

  // focal-qa signs in again: its edit is sent, once.
  await other.click('#sign-out');
  await other.locator('#sign-in-form').waitFor();
  await other.fill('#login', 'focal-qa');
  await other.fill('#password', workspace.accounts['focal-qa']);
  await other.click('#sign-in-submit');
  await other.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 20_000 });
  assert.equal((await serverNeeds(other)).find((n) => n.id === id).trainees, start + 5);
  assert.equal(await other.evaluate(() => localStorage.getItem('qudra.queue')), null);
  await done();
});

test('a need’s id change the server refuses leaves the original need on the server and the row says why', async () => {
  const { page, done } = await signedIn('focal-qa');
  const [id] = await needIds(page);
  const before = await serverNeeds(page);
  await typeAndLeave(page, 'needs[0].id', 'XX-renamed-1');
  const refused = page.locator('.row-save.bad[data-row="needs/XX-renamed-1"]');
  await refused.waitFor({ timeout: 10_000 });
  assert.equal((await refused.textContent()).trim(), 'Not saved');
  const after = await serverNeeds(page);
  assert.ok(after.some((n) => n.id === id), 'the original is still on the server');
  assert.ok(!after.some((n) => n.id === 'XX-renamed-1'), 'the refused id was not created');
  assert.deepEqual(after, before, 'nothing changed on the server');

  // A new id of the state's own: created first, then the original deleted.
  await typeAndLeave(page, 'needs[0].id', `${id}-renamed`);
  await page.locator(`.row-save.ok[data-row="needs/${id}-renamed"]`).waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    (old) => fetch('/api/scenario').then((r) => r.json()).then((s) => !s.needs.some((n) => n.id === old)),
    id,
    { timeout: 10_000 },
  );
  const renamed = await serverNeeds(page);
  assert.equal(renamed.length, before.length, 'one need under its new id');
  assert.equal(renamed.find((n) => n.id === `${id}-renamed`).trainees, before.find((n) => n.id === id).trainees);
  await done();
});

test('a queued edit over a row changed meanwhile meets the conflict rules when the browser is online again', async () => {
  const mine = await signedIn('focal-qa');
  const theirs = await signedIn('focal-qa');
  const a = mine.page;
  const b = theirs.page;
  const [id] = await needIds(a);
  const start = (await serverNeeds(a)).find((n) => n.id === id).trainees;
  const [queued, other] = [start + 21, start + 27];

  // This browser loses the network (the server stays up): the edit waits.
  await mine.context.setOffline(true);
  await typeAndLeave(a, 'needs[0].trainees', String(queued));
  await a.locator('#offline-count', { hasText: '1 edit waits to be sent' }).waitFor({ timeout: 15_000 });
  // Meanwhile the other tab saves the same need.
  await typeAndLeave(b, 'needs[0].trainees', String(other));
  await b.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });

  // Back online (the browser's `online` event): the queued edit meets the other's change.
  await mine.context.setOffline(false);
  const box = a.locator(`.row-conflict[data-row="needs/${id}"]`);
  await box.waitFor({ timeout: 15_000 });
  const row = box.locator('tr[data-field="trainees"]');
  assert.deepEqual(
    [(await row.locator('td.mine').textContent()).trim(), (await row.locator('td.theirs').textContent()).trim()],
    [String(queued), String(other)],
    'both values side by side, nothing lost',
  );
  assert.equal(await a.locator('#offline-queue').count(), 0, 'the queue is empty: the edit was answered');
  assert.equal((await serverNeeds(a)).find((n) => n.id === id).trainees, other, 'not overwritten without a choice');
  await a.click(`.row-conflict[data-row="needs/${id}"] .keep-mine`);
  await a.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });
  assert.equal((await serverNeeds(a)).find((n) => n.id === id).trainees, queued, 'kept mine');
  await mine.done();
  await theirs.done();
});
