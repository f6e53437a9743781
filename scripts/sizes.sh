#!/usr/bin/env bash
# Prints the size of what the first visit loads: raw, gzip and brotli, as served.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-34s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for f in target/site/pkg/cherga.*.{js,wasm,css}; do
  raw=$(stat -c %s "$f")
  gz=$( [ -f "$f.gz" ] && stat -c %s "$f.gz" || gzip -9c "$f" | wc -c)
  br=$( [ -f "$f.br" ] && stat -c %s "$f.br" || echo 0)
  printf '%-34s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total_raw=$((total_raw+raw)); total_gz=$((total_gz+gz)); total_br=$((total_br+br))
done
printf '%-34s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
