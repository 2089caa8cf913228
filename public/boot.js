// Starts the app. Trunk's own loader is an inline script, which the Content-Security-Policy
// forbids; this file does the same from 'self'. Trunk.toml's pattern_script passes the hashed
// file names in data attributes.
//
// Served by `qudra serve` (`GET /api/health` answers `{"status":"ok"}`), the page loads the
// connected app (sign-in and the shared workspace; index.html builds it as qudra-connected
// with a fixed-name loader); anywhere else it loads the standalone app, whose wasm carries
// none of the connected app's code. `/api/health` is asked once: the page's `data-server`
// tells the connected app what the answer was.
const me = document.querySelector('script[data-wasm]');

async function served() {
  try {
    const answer = await fetch('/api/health', { headers: { Accept: 'application/json' } });
    return answer.ok && (await answer.json())?.status === 'ok';
  } catch {
    return false;
  }
}

if (await served()) {
  // The connected app reads this instead of asking /api/health a second time.
  document.documentElement.dataset.server = 'qudra';
  await import('./qudra-connected_loader.js');
} else {
  const { default: init } = await import(me.dataset.js);
  await init({ module_or_path: me.dataset.wasm });
}
document.getElementById('loading')?.remove();
