# Rapporteur: `make run` opens the app, `make test` runs everything CI runs.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: run test deps ui build bindings dev lint unit e2e bench fuzz package icons clean

## Install what is missing, build, and open the app on its local database.
run: build
	./target/debug/rapporteur

## Everything CI checks.
test: build lint unit e2e

deps:
	@scripts/deps.sh

ui: deps
	npm --prefix ui run build

# All targets at once, so the tests' features are unified with the app's and
# `cargo test` does not build the dependencies a second time.
build: ui
	cargo build --workspace --all-targets

lint: deps
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	npm --prefix ui run check
	npm --prefix ui run lint

unit: build
	cargo test --workspace
	npm --prefix ui run test

e2e: build
	node --test --test-concurrency=1 tests/e2e/

## Figures, not tests: the Word export against pandoc on the same document; the
## latency of a save; search and the work-item registry over 1,000 reports; each
## importer and the checks over hostile inputs of 1, 4 and 16 MiB; a folder of 100 past
## reports imported at once (text, Word and report files); the release
## app's start-up and memory under Xvfb beside an empty Tauri app (benches/empty-tauri);
## the editor in the release app through WebDriver (scripts/editor_bench.mjs: typing to
## the preview, typing in a 200-row table, opening a 101-page report).
## Every figure is printed beside its aim and written to target/bench.json;
## `scripts/bench_compare.py OLD.json NEW.json` prints the ratios between two runs.
bench: build
	cargo build --release -p rapporteur-export --example bench
	cargo build --release -p rapporteur-storage --example save_bench --example search_bench --example history_bench --example collab_bench
	cargo build --release -p rapporteur-import --example import_bench
	cargo build --release -p rapporteur-core --example folder_bench
	cargo build --release --bin rapporteur
	cp Cargo.lock benches/empty-tauri/Cargo.lock
	cargo build --release --manifest-path benches/empty-tauri/Cargo.toml --target-dir target
	set -o pipefail; { \
	  target/release/examples/bench && \
	  target/release/examples/save_bench && \
	  target/release/examples/search_bench && \
	  target/release/examples/history_bench && \
	  target/release/examples/collab_bench && \
	  target/release/examples/import_bench && \
	  target/release/examples/folder_bench && \
	  scripts/coldstart.sh target/release/empty-tauri && \
	  scripts/coldstart.sh target/release/rapporteur && \
	  target/release/examples/bench --write-reports target/editor-bench && \
	  node scripts/editor_bench.mjs target/release/rapporteur target/editor-bench; \
	} | scripts/bench_collect.py target/bench.json

## 100,000 generated inputs through each property of the report file reader, and the
## import's property tests with 100,000 generated and mangled files each, and every
## importer and the checks over inputs up to 16 MiB, in linear time (release; `make
## test` runs a few hundred of each, and the large inputs at 64 KiB and 256 KiB); and
## 10,000 generated reports re-wrapped at any width, whose figure it prints.
fuzz: deps
	RAPPORTEUR_FUZZ_CASES=$${RAPPORTEUR_FUZZ_CASES:-100000} cargo test --release -p rapporteur-format --test fuzz
	RAPPORTEUR_FUZZ_CASES=$${RAPPORTEUR_FUZZ_CASES:-100000} cargo test --release -p rapporteur-import --test hostile
	IMPORT_LARGE_BYTES=$${IMPORT_LARGE_BYTES:-4194304} RAPPORTEUR_FUZZ_CASES=$${RAPPORTEUR_FUZZ_CASES:-100000} cargo test --release -p rapporteur-import --test large
	RAPPORTEUR_FUZZ_CASES=$$(( $${RAPPORTEUR_FUZZ_CASES:-100000} / 10 )) cargo test --release -p rapporteur-import --test rewrap -- --nocapture
	RAPPORTEUR_FUZZ_CASES=$${RAPPORTEUR_FUZZ_CASES:-100000} cargo test --release -p rapporteur-core --test co_authoring_fuzz

## The installable packages of the release app, through the Tauri bundler: a .deb and an
## .rpm under target/release/bundle/ (AppImage is not built: its tools are downloaded at
## build time). The CLI goes into both (scripts/stage-cli.mjs).
package: deps
	cargo build --release -p rapporteur-cli
	ui/node_modules/.bin/tauri build --bundles deb,rpm --ci

## Every icon size the bundlers want (Linux, Windows, macOS), from the one drawing.
icons: deps
	ui/node_modules/.bin/tauri icon src-tauri/icons/rapporteur.svg -o src-tauri/icons
	rm -rf src-tauri/icons/android src-tauri/icons/ios

## Regenerate ui/src/bindings.ts from the Rust commands.
bindings: ui
	UPDATE_BINDINGS=1 cargo test --lib committed_typescript_bindings

## The UI from Vite's dev server, reloading as you edit.
dev: deps
	npm --prefix ui run dev & trap 'kill %1' EXIT; cargo run --no-default-features

clean:
	cargo clean
	rm -rf ui/dist tests/artifacts
