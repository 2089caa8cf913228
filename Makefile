# Qudra: the two commands a new machine needs are `make serve` (the app on the demo data)
# and `make test` (every test). Everything else here is a step of those two.

CARGO ?= cargo

.PHONY: test test-core lint demo bench

## Every test: formatting, lints, the core's unit/integration/property tests, and the
## browser tests (see the web targets below).
test: lint test-core

## Format and lint checks (warnings are errors).
lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --release --all-targets -- -D warnings

## The core, the command line, the exchange files and the view-model logic.
test-core:
	$(CARGO) test --release

## Solve the demo scenario on the command line and write the plan to target/demo-plan.json.
demo:
	$(CARGO) run --release --bin qudra -- validate data/demo-2027.json
	$(CARGO) run --release --bin qudra -- solve data/demo-2027.json -o target/demo-plan.json

## The solver benchmark at the three scales (release build; prints figures).
bench:
	$(CARGO) run --release --bin bench -- --variant pure --variant budget --variant minviable
