#!/usr/bin/env bash
# Prints the size of what the first visit loads (see scripts/sizes.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/sizes.py
