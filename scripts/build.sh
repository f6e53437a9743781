#!/usr/bin/env bash
# Builds Cherga in release: the server (target/release/cherga) and, at once,
# the browser app (target/site: split WASM parts, hashed names, .br/.gz beside
# each file; xtask/src/main.rs). Their last, single-threaded optimisation steps
# then overlap on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
cargo build --release --locked -p server --bin cherga &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
cargo xtask site
wait $server
trap - EXIT
