// A small static server for dist/ that sends the app's Content-Security-Policy as a header too,
// so the browser tests run the app under the same rules a real deployment would. No
// dependencies: `node serve.mjs [DIR] [PORT]` (defaults: ../../dist, 8080; port 0 = any free).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Cache-Control of a file trunk names with its content hash: kept a year unasked. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Whether a file name carries trunk's content hash: a dash, then 12 to 16 hexadecimal digits
 * (a 64-bit hash without its leading zeros), then the extension or `_bg`, as `qudra serve`
 * tells them apart (src/bin/serve/api.rs, `hashed`).
 */
export function hashed(name) {
  return /-[0-9a-f]{12,16}(_bg)?$/.test(name.split('.')[0]);
}

/** Serves `dir` on `port` (0 = any free port); resolves to the running http.Server. */
export function serve(dir, port = 0, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
      };
      const name = file.slice(file.lastIndexOf(sep) + 1);
      if (hashed(name)) {
        headers['Cache-Control'] = IMMUTABLE;
      } else {
        // Asked about at each use, with a weak ETag of size and modification time: 304 when
        // the browser's copy is current, so an upgrade never mixes an old solver with a new app.
        headers['Cache-Control'] = 'no-cache';
        headers.ETag = `W/"${info.size}-${Math.floor(info.mtimeMs / 1000).toString(16)}"`;
        const opaque = (tag) => tag.trim().replace(/^W\//, '');
        const asked = req.headers['if-none-match'];
        if (asked && asked.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(headers.ETag))) {
          res.writeHead(304, headers).end();
          return;
        }
      }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP });
      res.end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dir = process.argv[2] ?? join(here, '..', '..', 'dist');
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve(dir, port, process.argv[4] ?? '127.0.0.1');
  console.log(`Qudra is served from ${resolve(dir)} on http://localhost:${server.address().port}/ (Ctrl-C stops)`);
}
