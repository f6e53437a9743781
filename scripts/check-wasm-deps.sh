#!/usr/bin/env bash
# Fails if a server-only crate reaches the WASM build of the app or the
# office's screens.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree -p app -p office --features app/csr,office/csr --target wasm32-unknown-unknown -e normal --prefix none --locked)
forbidden='^(tokio|axum|hyper|sqlx|rusqlite|libsqlite3-sys|tower|tower-http|mio|leptos_axum|reqwest|tracing-subscriber|openssl|socket2) '
if bad=$(echo "$tree" | grep -E "$forbidden" | sort -u) && [ -n "$bad" ]; then
  echo "server-only crates in the browser bundle:"; echo "$bad"; exit 1
fi
echo "ok: $(echo "$tree" | sort -u | wc -l) crates in the browser builds, none server-only"
