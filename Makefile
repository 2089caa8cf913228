# Qudra: the two commands a new machine needs are `make serve` (the app on the demo data)
# and `make test` (every test). Everything else here is a step of those two.

CARGO ?= cargo

.PHONY: test test-core lint demo bench bench-serve bench-recommend bench-fixes setup-highs setup-postgres

## Every test: formatting, lints (native and wasm), the core's unit/integration/property
## tests, and the browser tests in headless Chromium (see the web targets below).
test: lint test-core lint-web e2e

## Format and lint checks (warnings are errors), with the HiGHS engine (the native default)
## and without it (the pure-Rust build, as the browser's).
lint: setup-highs
	$(CARGO) fmt --check
	$(CARGO) clippy --release --all-targets --no-default-features -- -D warnings
	$(CARGO) clippy --release --all-targets -- -D warnings

## The core, the command line, the exchange files and the view-model logic, with the HiGHS
## engine (a default feature natively) so that the tests comparing it with microlp run too, and
## the shared workspace server
## on SQLite and on a throwaway PostgreSQL cluster (tests/serve_postgres.rs starts it).
test-core: setup-highs setup-postgres
	$(CARGO) test --release

## The native HiGHS engine (feature `highs`, on by default natively) builds HiGHS from source:
## it needs cmake and libclang (for bindgen). Installs them from Debian only when missing.
setup-highs:
	@command -v cmake >/dev/null && ls /usr/lib/llvm-*/lib/libclang.so* >/dev/null 2>&1 \
		|| ($(SUDO) apt-get update && $(SUDO) apt-get install -y cmake libclang-dev)

## Debian's PostgreSQL for the server's tests (only its programs: the tests start a cluster of
## their own as the `postgres` user in a temporary folder). Installs it only when missing.
setup-postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		|| ($(SUDO) apt-get update && $(SUDO) apt-get install -y postgresql)

## Solve the demo scenario on the command line and write the plan to target/demo-plan.json.
demo: setup-highs
	$(CARGO) run --release --bin qudra -- validate data/demo-2027.json
	$(CARGO) run --release --bin qudra -- solve data/demo-2027.json -o target/demo-plan.json

## The solver benchmark: every scale and variant, with each engine (microlp, the browser's;
## auto, the native default; HiGHS alone) side by side, and their ratios to HiGHS (release
## build; prints figures; about five minutes).
bench: setup-highs
	$(CARGO) run --release --bin bench

## The shared workspace under load: 22 focal points and the centre write at once, 200 writes
## each, on SQLite and on PostgreSQL, against a release `qudra serve`; prints p50/p95 latency
## and the lost or duplicated rows (zero, or it fails). A few minutes.
bench-serve: setup-highs setup-postgres
	$(CARGO) build --release --bin qudra
	QUDRA_BIN=$(CURDIR)/target/release/qudra $(CARGO) test --test serve_load -- --ignored --nocapture --test-threads 1

## `fixes` (what would fix each unmet need) timed on the demo and the region scale.
bench-fixes: setup-highs
	$(CARGO) run --release --bin bench -- --fixes --scale region

## recommend (SPEC §7) with K = 5 on the demo and the region scale.
bench-recommend: setup-highs
	$(CARGO) run --release --bin bench -- --recommend 5 --scale region

# ---- The browser app --------------------------------------------------------------------
# Pinned tools (Trunk.toml names the same versions). binaryen comes from npm because Debian's
# wasm-opt (108) produces a wasm that breaks the page; it lives in tests/e2e/node_modules with
# playwright-core (tests/e2e/package-lock.json), never on the system.
TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
E2E := tests/e2e
WEB_PATH := $(CURDIR)/$(E2E)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8080

.PHONY: setup-web build-web serve lint-web e2e workspace

## Installs what the browser app needs, each only when missing: the wasm target, trunk,
## wasm-bindgen-cli, binaryen and playwright-core from npm, and Debian's Chromium.
setup-web:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@PATH="$(WEB_PATH)" trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" \
		|| $(CARGO) install trunk --version $(TRUNK_VERSION) --locked
	@PATH="$(WEB_PATH)" wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
		|| $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@PATH="$(WEB_PATH)" wasm-opt --version 2>/dev/null | grep -q "version_132" && [ -d $(E2E)/node_modules/playwright-core ] \
		|| (cd $(E2E) && npm ci --no-audit --no-fund)
	@[ -x /usr/bin/chromium ] || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver)

## Lints the Leptos components too (they only build for wasm with the `web` feature, so the
## native `lint` does not see them), once as the standalone app (split into chunks, feature
## `split`, as tools/split-web builds it) and once with the connected app's screens (feature
## `connect`); without the default features, as every wasm build (HiGHS is native only).
lint-web: setup-web
	$(CARGO) clippy --release --target wasm32-unknown-unknown --no-default-features --features web,split --lib --bin qudra-web --bin qudra-solver -- -D warnings
	$(CARGO) clippy --release --target wasm32-unknown-unknown --no-default-features --features web,connect --lib --bin qudra-connected -- -D warnings

## Builds the browser app into dist/ (release: wasm-opt, the small wasm-release profile): Trunk
## builds the styles, the solver's worker, the connected app and index.html; then
## tools/split-web (a crate of its own, own lock file and target dir) builds the standalone app
## split into a main wasm and one chunk per workspace, fetched when first shown.
build-web: setup-web
	PATH="$(WEB_PATH)" trunk build --release
	$(CARGO) build --manifest-path tools/split-web/Cargo.toml --target-dir tools/split-web/target
	PATH="$(WEB_PATH)" tools/split-web/target/debug/qudra-split-web dist

## Builds the app and serves dist/ on http://localhost:8080 (PORT=…) with the demo data and the
## same Content-Security-Policy header the tests use. `trunk serve` also works while developing.
serve: build-web
	node $(E2E)/serve.mjs dist $(PORT)

## The shared workspace with the app (README "Shared workspace"): builds the app into dist/
## and serves it with the API on http://127.0.0.1:8080 (PORT=…) over target/workspace.db,
## loaded with the demo and its accounts on the first start (their passwords printed then,
## once). The release qudra is built as `e2e` builds it (see there), so after `make test` or
## `make e2e` nothing is compiled again. Ctrl-C stops it; the database stays.
workspace: build-web setup-highs
	$(CARGO) test --release --no-run --test cli
	./target/release/qudra serve --demo --db sqlite://target/workspace.db --app dist --listen 127.0.0.1:$(PORT)

## Browser tests in headless Chromium against the built dist/; screenshots of every workspace
## in English and Arabic go to tests/e2e/screenshots/. The plans are compared with
## target/release/qudra, built exactly as `test-core` builds it (`cargo test --release`, which
## also builds the binaries; `--no-run --test cli` stops at one small test), so that
## after `test-core` this is a no-op and `make test` compiles the release once. A `cargo build`
## would not share it: the tests' dev-dependencies turn on more features of chrono and serde.
e2e: build-web setup-highs
	$(CARGO) test --release --no-run --test cli
	cd $(E2E) && QUDRA_BIN=$(CURDIR)/target/release/qudra node --test *.test.mjs
	@echo "e2e screenshots: $(CURDIR)/$(E2E)/screenshots"

# ---- The solver in WebAssembly ----------------------------------------------------------
.PHONY: bench-wasm

## The benchmark of `make bench` with the wasm build of microlp, run in node (one worker, as
## in the browser): bench/wasm is a crate of its own (own lock file and target dir) that
## exports the solve to `bench/wasm/run.mjs`. About a minute; options: `node bench/wasm/run.mjs
## --scale … --variant … --seed … --time-limit …` once built.
bench-wasm: setup-web
	$(CARGO) build --manifest-path bench/wasm/Cargo.toml --target wasm32-unknown-unknown --release \
		--target-dir bench/wasm/target
	PATH="$(WEB_PATH)" wasm-bindgen --target nodejs --out-dir bench/wasm/pkg \
		bench/wasm/target/wasm32-unknown-unknown/release/qudra_bench_wasm.wasm
	node bench/wasm/run.mjs
