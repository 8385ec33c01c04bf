# The two commands of the README: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
# wasm-bindgen-test-runner prefers geckodriver when one is on PATH; we test in Chromium.
export CHROMEDRIVER := /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown

.PHONY: bootstrap serve build test lint test-native test-browser test-e2e size screenshots bench fuzz

bootstrap:
	@scripts/bootstrap

serve: bootstrap
	trunk serve --address 127.0.0.1 --port 8080 --public-url /

build: bootstrap
	trunk build --release

test: bootstrap lint test-native test-browser test-e2e

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --all-targets $(WASM) -- -D warnings

test-native:
	cargo test --workspace

test-browser:
	cargo test $(WASM) --test web

# The built bundle in headless Chromium (Playwright's core driving Debian's Chromium), served
# under the Content-Security-Policy the build writes: full app, example docs page, iframe mode.
test-e2e: build
	node --test --test-reporter=spec tests/e2e/

size: build
	@scripts/size dist

screenshots: build
	@scripts/screenshots

bench: bootstrap
	@scripts/bench

# A long run of the fuzz suite (tests/fuzz.rs): a million hostile lines, optimised, within 30 minutes.
fuzz:
	FUZZ_LINES=$${FUZZ_LINES:-1000000} FUZZ_SECONDS=$${FUZZ_SECONDS:-1800} \
	  cargo test --profile bench-native --test fuzz -- --nocapture
