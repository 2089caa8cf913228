// Starts the app. Trunk's own loader is an inline script, which the Content-Security-Policy
// forbids; this file does the same from 'self'. Trunk.toml's pattern_script passes the hashed
// file names in data attributes.
const me = document.querySelector('script[data-wasm]');
const { default: init } = await import(me.dataset.js);
await init({ module_or_path: me.dataset.wasm });
document.getElementById('loading')?.remove();
