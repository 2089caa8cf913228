// A real shared workspace for the browser tests: `qudra serve --demo` (from QUDRA_BIN) on a
// fresh SQLite database in a temporary folder, serving the built app, on a free port. It
// resolves once /api/health answers, with the demo accounts the server printed once, and can
// be taken down and brought back on the same port and database (the offline tests).

import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, SHOTS, language, launchChromium, open, qudraBinary } from './harness.mjs';

/** A port nothing listens on now. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** The demo accounts of `qudra serve --demo`'s output: `{ login: password }`. */
export function parseAccounts(text) {
  const accounts = {};
  for (const line of text.split('\n')) {
    const match = /^\s+(\S+)\s+(\S+)\s{2}\S/.exec(line);
    if (match) accounts[match[1]] = match[2];
  }
  return accounts;
}

/** Waits until the server answers /api/health, or throws with what it wrote. */
async function healthy(url, server) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.child.exitCode !== null) {
      throw new Error(`qudra serve stopped (exit ${server.child.exitCode}): ${server.err}`);
    }
    const health = await fetch(`${url}api/health`).catch(() => null);
    if (health?.ok) return;
    if (Date.now() > deadline) throw new Error(`qudra serve did not answer /api/health within 60 s: ${server.err}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** One `qudra serve` process with what it printed so far and a promise of its exit. */
function spawnServer(args) {
  const child = spawn(qudraBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, out: '', err: '' };
  child.stdout.on('data', (chunk) => (server.out += chunk));
  child.stderr.on('data', (chunk) => (server.err += chunk));
  server.exited = new Promise((done) => child.once('exit', done));
  return server;
}

/** Ends a server (SIGTERM, a graceful shutdown) and waits until it has exited. */
async function endServer(server) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

/**
 * Starts the server; resolves to `{ url, accounts, stop, down, up }` once /api/health answers
 * 200. `stop()` ends it (SIGTERM, a graceful shutdown) and removes the database; `down()` ends
 * it and keeps the database, `up()` starts it again on the same port and SQLite file (the
 * accounts and sessions kept) and resolves once it answers: the server gone and back, as a
 * browser sees a lost connection.
 */
export async function startWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'qudra-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const args = ['serve', '--demo', '--db', `sqlite://${join(dir, 'w.db')}`, '--app', DIST, '--listen', `127.0.0.1:${port}`];
  let server = spawnServer(args);
  const stop = async () => {
    await endServer(server);
    rmSync(dir, { recursive: true, force: true });
  };
  const down = () => endServer(server);
  const up = async () => {
    await endServer(server);
    server = spawnServer(args);
    try {
      await healthy(url, server);
    } catch (error) {
      await stop();
      throw error;
    }
  };
  try {
    await healthy(url, server);
  } catch (error) {
    await stop();
    throw error;
  }
  const accounts = parseAccounts(server.out);
  if (!accounts.admin || !accounts['focal-qa'] || !accounts.centre) {
    await stop();
    throw new Error(`no demo accounts in the output of qudra serve --demo: ${server.out}`);
  }
  return { url, accounts, stop, down, up };
}

/**
 * The answers the connected app meets on purpose, which Chromium logs as failed resources:
 * 401 from /api/session before sign-in (and after sign-out) and from /api/login for a wrong
 * password, 404 from /api/plans/published before any plan is published, and 409 when a row's
 * rev is stale (a conflict the row then shows). Any other
 * failed request still fails a test (harness.mjs `open`'s `allow`).
 */
export function expectedRefusal(message) {
  const path = new URL(message.location()?.url ?? '', 'http://x').pathname;
  if (/status of 401/.test(message.text())) return ['/api/session', '/api/login'].includes(path);
  // A focal point's published plan, asked for at sign-in, before any plan is published.
  if (/status of 404/.test(message.text())) return path === '/api/plans/published';
  return /status of 409/.test(message.text()) && /^\/api\/[a-z]+\//.test(path);
}

/**
 * What a test file of the connected app shares: one workspace and one Chromium, started
 * before its tests (`before`) and stopped after them (`after`); `{ workspace, browser }` are
 * set once the tests run. The screenshots' folder exists.
 */
export function sharedWorkspace() {
  const shared = { workspace: null, browser: null };
  before(async () => {
    shared.workspace = await startWorkspace();
    shared.browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.workspace?.stop();
  });
  return shared;
}

/**
 * A fresh browser context on the shared workspace's sign-in form, in `lang` (null: English),
 * with `wasm`, the names of the wasm files it fetched; `allow` forgives the console lines a test expects (default: `expectedRefusal`).
 */
export async function signInPage({ workspace, browser }, { lang = null, allow = expectedRefusal } = {}) {
  const session = await open(browser, workspace.url, { allow });
  // The wasm files the page fetched, by name (the connected app's only, the tests check).
  session.wasm = [];
  // How often the page asked `GET /api/health` (boot.js once; the app trusts its answer).
  session.health = 0;
  session.page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) session.wasm.push(new URL(r.url()).pathname.split('/').pop());
    if (new URL(r.url()).pathname === '/api/health') session.health += 1;
  });
  await session.page.goto(workspace.url);
  await session.page.locator('#sign-in-form').waitFor({ timeout: 30_000 });
  if (lang) await language(session.page, lang);
  return session;
}

/** Fills the sign-in form as `login` (its demo password unless given) and sends it. */
export async function signIn({ workspace }, page, login, password = workspace.accounts[login]) {
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('#sign-in-submit');
}

/**
 * A fresh context signed in as `login`, once its workspace (`focal`, `centre`, `planner`,
 * `admin`) is on screen.
 */
export async function signedIn(shared, login, where, options = {}) {
  const session = await signInPage(shared, options);
  await signIn(shared, session.page, login);
  await session.page.locator(`.workspace#${where}`).waitFor({ timeout: 30_000 });
  return session;
}

/** Types `value` into the field at `path` and leaves it (Tab), which sends the row. */
export async function typeAndLeave(page, path, value) {
  const input = page.locator(`input[data-path="${path}"]`);
  await input.fill(value);
  await input.press('Tab');
}

/** The needs of the server's scenario, as the signed-in page may see them. */
export const serverNeeds = (page) =>
  page.evaluate(() => fetch('/api/scenario').then((r) => r.json())).then((s) => s.needs);
