#!/usr/bin/env bash
# Builds Cherga in release and serves it on http://127.0.0.1:3000 with the demo
# catalog. Flags after the script's name go to `cherga serve` (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec target/release/cherga serve --site-root target/site --data-dir data "$@"
