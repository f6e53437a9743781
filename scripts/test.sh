#!/usr/bin/env bash
# The whole test suite: formatting, lints for both targets, the dependency
# boundary of the browser bundle, unit/property/integration tests, the release
# build, then the browser tests once against it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
step() { printf '\n\033[1m== %s\033[0m (%d:%02d so far)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

step "setup"
scripts/setup.sh --test

step "format"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32: domain and the browser app)"
cargo clippy -p domain -p app --features app/csr --target wasm32-unknown-unknown --locked -- -D warnings

step "the browser bundle has no server-only crate"
scripts/check-wasm-deps.sh

step "tests"
cargo test --workspace --exclude e2e --locked

step "release build"
scripts/build.sh
scripts/sizes.sh

step "browser tests (headless Chromium, release build)"
cargo test -p e2e --locked

step "done"
