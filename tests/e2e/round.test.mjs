// A planning round on a real `qudra serve --demo` (workspace.mjs), each role in its own
// browser context: the focal points of Qatar (English) and Egypt (Arabic) edit needs at once
// and never see each other's; the centre changes a session and reads the overview; the
// planner reads what changed, solves on the server and publishes with a note; each focal
// point then sees "a new plan was published", only its own allocations, and a feed URL whose
// ICS (fetched here) has one VEVENT per session its state has seats in; replacing the link
// ends the old one. Then the admin's accounts (invite, the one-time link, disable, reset) and
// audit log, and a focal point's need history. Each step's time is printed; screenshots go to
// screenshots/round-*.png.
//
//   cd tests/e2e && QUDRA_BIN=../../target/release/qudra node --test round.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, needIds, open } from './harness.mjs';
import { sharedWorkspace, signedIn as signedInAs } from './workspace.mjs';

const shared = sharedWorkspace();

/**
 * The statuses the round meets on purpose, which Chromium logs as failed resources: 401 from
 * /api/session before sign-in, 404 from /api/plans/published before the first publication
 * and from a need's history before anyone changed it on the server; 404 from another state's
 * need, which the test asks for on purpose; 409 from inviting a login that is taken.
 */
function expected(message) {
  const path = new URL(message.location()?.url ?? '', 'http://x').pathname;
  const text = message.text();
  return (
    (/status of 401/.test(text) && ['/api/session', '/api/login'].includes(path)) ||
    (/status of 404/.test(text) && (path === '/api/plans/published' || /^\/api\/needs\/[^/]+(\/history)?$/.test(path))) ||
    (/status of 409/.test(text) && path === '/api/users')
  );
}

/** Runs one step and prints how long it took. */
async function step(what, run) {
  const started = Date.now();
  const value = await run();
  console.log(`round step: ${what}: ${Date.now() - started} ms`);
  return value;
}

/** A new browser context signed in as `login`, in `lang` (null: English). */
const signedIn = (login, lang, where) => signedInAs(shared, login, where, { lang, allow: expected });

const api = (page, path) => page.evaluate((p) => fetch(p).then((r) => r.json()), path);

/** Types into the field at `path` and leaves it; waits until the row says saved. */
async function saveField(page, path, value, row) {
  const input = page.locator(`input[data-path="${path}"]`);
  await input.fill(value);
  await input.press('Tab');
  await page.locator(`.row-save.ok[data-row="${row}"]`).waitFor({ timeout: 15_000 });
}

/** The VEVENTs of an ICS text, each as its unfolded lines; the calendar must be whole. */
function events(ics) {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR', 'an ICS starts with BEGIN:VCALENDAR');
  assert.ok(lines.includes('END:VCALENDAR'), 'and ends with END:VCALENDAR');
  const found = [];
  let current = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      assert.ok(current, 'END:VEVENT closes an event');
      found.push(current);
      current = null;
    } else if (current) current.push(line);
  }
  assert.equal(current, null, 'every VEVENT is closed');
  for (const event of found) {
    for (const field of ['UID:', 'DTSTART', 'DTEND', 'SUMMARY']) {
      assert.ok(event.some((l) => l.startsWith(field)), `each event has ${field}: ${event.join(' | ')}`);
    }
  }
  return found;
}

const focalPoints = [
  { login: 'focal-qa', state: 'QA', lang: null, news: 'A new plan was published on', tag: 'focal-qa-en' },
  { login: 'focal-eg', state: 'EG', lang: 'ar', news: 'نُشرت خطة جديدة في', tag: 'focal-eg-ar' },
];

test('a planning round: two focal points, the centre and the planner, then each focal point’s published plan and feed', async () => {
  const note = 'Round 1 of 2027: check your sessions.\nالجولة الأولى';
  // Two focal points at once, each changing its first need.
  const focal = await step('two focal points sign in and each saves a need, at once', () =>
    Promise.all(
      focalPoints.map(async (fp) => {
        const session = await signedIn(fp.login, fp.lang, 'focal');
        const ids = await needIds(session.page);
        assert.ok(ids.length > 0 && ids.every((id) => id.startsWith(`${fp.state}-`)), `${fp.state} only: ${ids}`);
        const need = (await api(session.page, '/api/scenario')).needs.find((n) => n.id === ids[0]);
        await saveField(session.page, 'needs[0].trainees', String(need.trainees + 5), `needs/${need.id}`);
        return { ...fp, session, need: need.id, trainees: need.trainees + 5 };
      }),
    ),
  );
  for (const fp of focal) {
    const other = focal.find((o) => o !== fp);
    const seen = (await api(fp.session.page, '/api/scenario')).needs.map((n) => n.id);
    assert.ok(seen.every((id) => id.startsWith(`${fp.state}-`)), `${fp.login} reads only its needs`);
    assert.equal(await fp.session.page.locator(`tr[data-need="${other.need}"]`).count(), 0, 'not on screen either');
    const status = await fp.session.page.evaluate((id) => fetch(`/api/needs/${id}`).then((r) => r.status), other.need);
    assert.equal(status, 404, `${fp.login} cannot read ${other.need}`);
  }

  // The centre changes a session and sees who has entered what.
  const centre = await step('the centre changes a session', async () => {
    const session = await signedIn('centre', null, 'centre');
    const first = (await api(session.page, '/api/scenario')).sessions[0];
    await saveField(session.page, 'sessions[0].seats', String(first.seats + 2), `sessions/${first.id}`);
    return { session, id: first.id, seats: first.seats + 2 };
  });
  await step('the centre reads the overview', async () => {
    const { page } = centre.session;
    await page.click('#refresh-overview');
    for (const fp of focal) {
      await page.locator(`#submitted-states tr[data-state="${fp.state}"] td:nth-child(5)`).filter({ hasText: fp.login }).waitFor();
    }
    const waiting = await page.locator('#waiting-states li').evaluateAll((items) => items.map((li) => li.dataset.state));
    const overview = await api(page, '/api/overview');
    assert.deepEqual(waiting, overview.entered_nothing, 'the reminder list is the server’s');
    await page.screenshot({ path: join(SHOTS, 'round-centre-en.png'), fullPage: true });
  });

  // The planner reads what changed, solves on the server and publishes with a note.
  const planner = await step('the planner signs in and reads what changed', async () => {
    const session = await signedIn('planner', null, 'planner');
    const { page } = session;
    await page.locator('#changes-since').waitFor();
    assert.match(await page.textContent('#changes-since'), /No plan has been published yet/);
    const changes = await api(page, '/api/changes');
    assert.equal(Number(await page.textContent('#needs-added')), changes.needs.added);
    return session;
  });
  const published = await step('the planner solves on the server and publishes with a note', async () => {
    const { page } = planner;
    await page.click('#solve-on-server');
    await page.locator('#server-plan').waitFor({ timeout: 120_000 });
    const id = Number(await page.getAttribute('#server-plan', 'data-plan'));
    assert.match(await page.textContent('#server-plan'), new RegExp(`Plan #${id}, solved by the server`));
    await page.locator('#plan-views').waitFor();
    await page.fill('#publish-note', note);
    await page.click('#publish-plan');
    await page.locator('#publish-done:not(:empty)').waitFor({ timeout: 15_000 });
    assert.equal((await page.textContent('#publish-done')).trim(), `Plan #${id} is published: the focal points see it now.`);
    await page.locator('#changes-since').filter({ hasText: 'Compared with the plan published on' }).waitFor();
    assert.equal(await page.textContent('#needs-added'), '0', 'nothing new since this publication');
    await page.screenshot({ path: join(SHOTS, 'round-planner-en.png'), fullPage: true });
    return id;
  });

  // Each focal point: the news, its own allocations, its feed.
  for (const fp of focal) {
    const { page } = fp.session;
    await step(`${fp.login} sees the published plan`, async () => {
      await page.reload();
      await page.locator('#published-news').waitFor({ timeout: 30_000 });
      assert.ok((await page.textContent('#published-news')).startsWith(fp.news), await page.textContent('#published-news'));
      assert.equal(Number(await page.getAttribute('#published-news', 'data-plan')), published);
      assert.equal((await page.textContent('#published-note')).trim(), note.trim());
      const plan = await api(page, '/api/plans/published');
      assert.ok(plan.allocations.length > 0, `${fp.state} has seats`);
      assert.ok(plan.allocations.every((a) => a.need.startsWith(`${fp.state}-`)), 'only its own allocations');
      // The calendar (the plan screens' timeline) shows exactly the sessions its state has
      // seats in: what its feed subscribes to, not the whole scenario's.
      await page.locator('#calendar').waitFor();
      const shown = await page.locator('#calendar button.slot').evaluateAll((b) => b.map((x) => x.dataset.session));
      const allocated = [...new Set(plan.allocations.map((a) => a.session))].sort();
      assert.equal(shown.length, allocated.length, `one bar per allocated session of ${fp.state}`);
      assert.deepEqual([...shown].sort(), allocated, 'its allocated sessions, and no other');
      await page.screenshot({ path: join(SHOTS, `round-${fp.tag}.png`), fullPage: true });
    });
    await step(`${fp.login} subscribes: the feed's ICS has one event per allocated session`, async () => {
      await page.click('#make-feed');
      await page.locator('#feed-url').waitFor();
      const url = await page.inputValue('#feed-url');
      assert.ok(url.startsWith(`${shared.workspace.url}calendar/`) && url.endsWith('.ics'), `absolute: ${url}`);
      assert.ok((await page.textContent('#steps-outlook')).length > 20 && (await page.textContent('#steps-google')).length > 20);
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /text\/calendar/);
      const plan = await api(page, '/api/plans/published');
      const sessions = new Set(plan.allocations.map((a) => a.session));
      const found = events(await response.text());
      assert.equal(found.length, sessions.size, 'one VEVENT per allocated session');

      await page.click('#replace-feed');
      await page.waitForFunction((old) => document.querySelector('#feed-url')?.value !== old, url);
      const replaced = await page.inputValue('#feed-url');
      assert.equal((await fetch(url)).status, 404, 'the old link stops working');
      assert.equal((await fetch(replaced)).status, 200, 'the new one works');
    });
    await step(`${fp.login} reads the history of its need`, async () => {
      await page.selectOption('#history-need', fp.need);
      await page.click('#show-history');
      const row = page.locator('#history-table tbody tr').first();
      await row.waitFor();
      assert.equal((await row.locator('td.who').textContent()).trim(), fp.login);
      assert.match(await row.textContent(), new RegExp(`trainees: \\d+ → ${fp.trainees}`));
    });
  }
  for (const session of [...focal.map((fp) => fp.session), centre.session, planner]) await session.done();
});

test('the admin invites, copies the one-time link, disables and resets, and reads the audit log newest first', async () => {
  const { page, done } = await signedIn('admin', null, 'admin');
  await step('the admin invites a focal point of Morocco', async () => {
    await page.fill('#invite-new-login', 'focal-ma');
    await page.selectOption('#invite-role', 'focal');
    await page.selectOption('#invite-state', 'MA');
    await page.click('#invite-submit');
    await page.locator('#invitation-link[data-login="focal-ma"]').waitFor();
    await page.locator('tr[data-login="focal-ma"]').waitFor();
  });
  const link = await page.inputValue('#invitation-url');
  assert.ok(link.startsWith(`${shared.workspace.url}#invite=`), link);

  await page.click('#invite-submit');
  await page.locator('#admin-error:not(:empty)').waitFor();
  assert.equal((await page.textContent('#admin-error')).trim(), 'Not done: That login is taken.');

  await step('the invited person sets a password with the link and signs in', async () => {
    const invited = await open(shared.browser, link, { allow: expected });
    await invited.page.goto(link);
    await invited.page.locator('#invitation-form').waitFor({ timeout: 30_000 });
    await invited.page.fill('#invite-login', 'focal-ma');
    await invited.page.fill('#new-password', 'a long passphrase');
    await invited.page.fill('#new-password-again', 'a long passphrase');
    await invited.page.click('#invitation-submit');
    await invited.page.locator('.workspace#focal').waitFor({ timeout: 30_000 });
    await invited.done();
  });

  await step('the admin disables and resets', async () => {
    await page.click('tr[data-login="focal-tn"] button.disable');
    await page.locator('tr[data-login="focal-tn"] td.status').filter({ hasText: 'Disabled' }).waitFor();
    await page.click('tr[data-login="centre"] button.reset');
    await page.locator('#invitation-link[data-login="centre"]').waitFor();
    assert.notEqual(await page.inputValue('#invitation-url'), link, 'a new link');
    const status = await fetch(new URL('api/login', shared.workspace.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'centre', password: shared.workspace.accounts.centre }),
    }).then((r) => r.status);
    assert.equal(status, 401, 'the reset password stops working');
  });

  const audit = await api(page, '/api/audit');
  const shown = await page.locator('#audit-log tbody tr').count();
  assert.equal(shown, Math.min(25, audit.length));
  const firstEntity = (await page.locator('#audit-log tbody tr td:nth-child(4)').first().textContent()).trim();
  assert.equal(firstEntity, audit[audit.length - 1].entity, 'newest first');
  assert.match(await page.textContent('#audit-page'), /^Page 1 of \d+$/);
  if (audit.length > 25) {
    await page.click('#audit-older');
    await page.locator('#audit-page').filter({ hasText: /^Page 2 of/ }).waitFor();
  }
  await page.screenshot({ path: join(SHOTS, 'round-admin-en.png'), fullPage: true });
  await done();
});
