// The connected app: the same dist/ served by a real `qudra serve --demo` (workspace.mjs),
// where it is the shared workspace's front end. Sign-in and out, a focal point's own needs
// saved row by row (and still there after a reload), the centre's sessions, in English and
// Arabic.
//
//   cd tests/e2e && QUDRA_BIN=../../target/release/qudra node --test connected.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needIds } from './harness.mjs';
import { sharedWorkspace, signIn as signInAs, signInPage as signInPageOf, typeAndLeave } from './workspace.mjs';

const shared = sharedWorkspace();

/** A fresh page on the sign-in form: the connected app's wasm, never the standalone one's. */
async function signInPage(lang) {
  const session = await signInPageOf(shared, { lang });
  assert.equal(session.wasm.length, 1, `one wasm before signing in: ${session.wasm}`);
  assert.match(session.wasm[0], /^qudra-connected.*_bg\.wasm$/);
  assert.equal(session.health, 1, 'GET /api/health asked once at start, by boot.js only');
  return session;
}

const signIn = (page, login, password) => signInAs(shared, page, login, password);

/** The server's scenario as the signed-in page sees it. */
const serverScenario = (page) => page.evaluate(() => fetch('/api/scenario').then((r) => r.json()));

async function focalSavesANeed(lang, login, state, words) {
  const { page, done } = await signInPage(lang);
  await signIn(page, login);
  await page.locator('.workspace#focal').waitFor();
  assert.equal(await page.locator('#focal-state').count(), 0, 'no state selector');
  assert.equal(await page.locator('nav.roles').count(), 0, 'no role chooser');
  assert.equal((await page.textContent('#account-login')).trim(), login);
  assert.equal((await page.textContent('#account-role')).trim(), words.role);
  assert.equal((await page.textContent('#account-state')).trim(), words.state);
  const ids = await needIds(page);
  assert.ok(ids.length > 0, 'the state has needs');
  assert.ok(ids.every((id) => id.startsWith(`${state}-`)), `only ${state}'s needs: ${ids}`);

  const id = ids[0];
  const before = (await serverScenario(page)).needs.find((n) => n.id === id).trainees;
  const trainees = before + 7;
  await typeAndLeave(page, 'needs[0].trainees', String(trainees));
  const status = page.locator(`.row-save[data-row="needs/${id}"]`);
  await page.locator(`.row-save.ok[data-row="needs/${id}"]`).waitFor({ timeout: 10_000 });
  assert.equal((await status.textContent()).trim(), words.saved);
  assert.equal((await serverScenario(page)).needs.find((n) => n.id === id).trainees, trainees, 'on the server');

  await page.reload();
  await page.locator('.workspace#focal').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#sign-in').count(), 0, 'still signed in after a reload');
  assert.equal(await page.inputValue('input[data-path="needs[0].trainees"]'), String(trainees));
  assert.equal(await page.evaluate(() => localStorage.getItem('qudra.scenario')), null, 'nothing in local storage');
  await done();
}

test('a focal point signs in, sees only its needs, saves one and keeps it after a reload (English)', () =>
  focalSavesANeed(null, 'focal-qa', 'QA', { role: 'Focal point', state: 'Qatar', saved: 'Saved' }));

test('the same in Arabic, right to left', () =>
  focalSavesANeed('ar', 'focal-eg', 'EG', { role: 'نقطة الاتصال', state: 'مصر', saved: 'محفوظ' }));

test('a wrong password is one clear sentence, and the page stays on sign-in', async () => {
  const { page, done } = await signInPage();
  await signIn(page, 'centre', 'not-the-password');
  await page.locator('#sign-in-error:not(:empty)').waitFor();
  assert.equal((await page.textContent('#sign-in-error')).trim(), 'The login or the password is wrong.');
  assert.equal(await page.locator('main .workspace').count(), 0);
  await done();
});

test('the centre changes a session’s seats; signing out returns to the sign-in page', async () => {
  const { page, done } = await signInPage();
  await signIn(page, 'centre');
  await page.locator('.workspace#centre').waitFor();
  const session = (await serverScenario(page)).sessions[0];
  await typeAndLeave(page, 'sessions[0].seats', String(session.seats + 3));
  await page.locator(`.row-save.ok[data-row="sessions/${session.id}"]`).waitFor({ timeout: 10_000 });
  const after = (await serverScenario(page)).sessions.find((s) => s.id === session.id);
  assert.equal(after.seats, session.seats + 3);

  await page.click('#sign-out');
  await page.locator('#sign-in-form').waitFor();
  assert.equal(await page.locator('#account').count(), 0);
  assert.equal(await page.evaluate(() => fetch('/api/session').then((r) => r.status)), 401, 'signed out on the server');
  await done();
});
