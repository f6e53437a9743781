#!/usr/bin/env bash
# Builds Cherga in release and serves it on http://127.0.0.1:3000 with the demo
# catalog. Flags after the script's name go to `cherga serve` (see --help).
# On the first run it makes the demo's staff accounts (an officer and an
# administrator per office) and prints their passwords once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
db=()
for ((i = 1; i <= $#; i++)); do
  case "${!i}" in
    --db) j=$((i + 1)); db=(--db "${!j}") ;;
    --db=*) db=("${!i}") ;;
  esac
done
target/release/cherga staff demo --data-dir data "${db[@]}"
exec target/release/cherga serve --site-root target/site --data-dir data "$@"
