#!/usr/bin/env bash
# The whole test suite: formatting, lints for both targets, the dependency
# boundary of the browser bundle, unit/property/integration tests (the API
# fuzzed from its OpenAPI document by Schemathesis among them), domain's
# fuzz targets for a bounded time, the release build, then the browser tests
# once against it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
step() { printf '\n\033[1m== %s\033[0m (%d:%02d so far)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

# A one-off build (CI's fresh clone) gains nothing from incremental state.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

step "setup"
scripts/setup.sh --test

step "format"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32: domain, the browser app, the office's screens)"
cargo clippy -p domain -p app -p office --features app/csr,office/csr --target wasm32-unknown-unknown --locked -- -D warnings

step "the browser bundle has no server-only crate"
scripts/check-wasm-deps.sh

step "tests"
cargo test --workspace --exclude e2e --locked

step "fuzzing domain's parsers and rules (cargo fuzz, bounded)"
scripts/fuzz.sh

step "release build"
scripts/build.sh
scripts/sizes.sh

step "browser tests (headless Chromium, release build)"
cargo test -p e2e --locked

step "done"
