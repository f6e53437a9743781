#!/usr/bin/env bash
# Installs what building and testing Cherga needs, idempotently: a second run
# only checks versions. Nothing is downloaded from outside crates.io, npm,
# Debian or rustup's server.
#   scripts/setup.sh          the build tools (wasm target, cargo-leptos, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   the same plus Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
# Must equal the wasm-bindgen version in Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
# binaryen >= 116: Debian's 108 produces WASM that fails at start-up in browsers.
BINARYEN_NPM_VERSION=132.0.0

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (once, ~15 min on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once, ~3 min)"
  # Without --locked: its lock file names a yanked version.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(.tools/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_NPM_VERSION%%.*}" ]; then
  say "installing binaryen $BINARYEN_NPM_VERSION (wasm-opt) from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "binaryen@$BINARYEN_NPM_VERSION"
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
