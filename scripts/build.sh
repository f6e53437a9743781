#!/usr/bin/env bash
# Builds the release WASM app (opt-level z, LTO, wasm-opt -Oz, hashed names,
# .br/.gz beside every asset) into target/site and the release server binary.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
# --split: the card, the booking wizard and the tickets are WASM chunks loaded
# when first opened (see app/src/pages/lazy.rs).
cargo leptos build --release --precompress --split
