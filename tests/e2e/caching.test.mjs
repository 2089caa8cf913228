// serve.mjs caches the app's files as `qudra serve` does (tests/serve_sqlite.rs checks the
// server): hashed names kept a year, the others revalidated with an ETag and answered 304
// while unchanged. No browser: node's own fetch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMMUTABLE, serve } from './serve.mjs';

test('unhashed files are revalidated and hashed ones kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qudra-caching-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Qudra</title>');
  writeFileSync(join(dir, 'qudra-solver_bg.wasm'), 'old');
  writeFileSync(join(dir, 'qudra-web-77c149ac33d9065c_bg.wasm'), 'app');
  writeFileSync(join(dir, 'first-4ec755cb4e873ae.css'), 'body{}');
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const path of ['/qudra-web-77c149ac33d9065c_bg.wasm', '/first-4ec755cb4e873ae.css']) {
      const answer = await fetch(base + path);
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers.get('cache-control'), IMMUTABLE, path);
      assert.equal(answer.headers.get('etag'), null, path);
    }
    for (const path of ['/', '/qudra-solver_bg.wasm']) {
      const answer = await fetch(base + path);
      const etag = answer.headers.get('etag');
      assert.equal(answer.headers.get('cache-control'), 'no-cache', path);
      assert.match(etag ?? '', /^W\/"/, path);
      const again = await fetch(base + path, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers.get('etag'), etag, path);
      assert.equal(await again.text(), '', path);
    }
    const old = (await fetch(`${base}/qudra-solver_bg.wasm`)).headers.get('etag');
    writeFileSync(join(dir, 'qudra-solver_bg.wasm'), 'the new solver');
    const upgraded = await fetch(`${base}/qudra-solver_bg.wasm`, { headers: { 'If-None-Match': old } });
    assert.equal(upgraded.status, 200);
    assert.equal(await upgraded.text(), 'the new solver');
    assert.notEqual(upgraded.headers.get('etag'), old);
  } finally {
    server.close();
  }
});
