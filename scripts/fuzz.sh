#!/usr/bin/env bash
# Runs each cargo fuzz target of domain's parsers and rules (domain/fuzz)
# for a bounded time: libFuzzer with AddressSanitizer, on nightly Rust.
#   scripts/fuzz.sh          every target for $FUZZ_SECONDS (default 20) each
#   scripts/fuzz.sh fields   one target
# A crash stops with libFuzzer's report and the input that caused it
# (domain/fuzz/artifacts/TARGET/). Installs nightly (minimal) and cargo-fuzz
# into .tools/cargo when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

CARGO_FUZZ_VERSION=0.13.2
SECONDS_EACH="${FUZZ_SECONDS:-20}"
say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  say "installing the nightly toolchain (minimal)"
  rustup toolchain install nightly --profile minimal
fi
if [ "$(.tools/cargo/bin/cargo-fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io into .tools/cargo"
  cargo install --quiet --locked --root .tools/cargo cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
export PATH="$ROOT/.tools/cargo/bin:$PATH"

cd domain/fuzz
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list)
say "building ${targets[*]}"
# cargo fuzz has no --locked: a fetch checks Cargo.lock is up to date first.
cargo +nightly fetch --locked --quiet
cargo +nightly fuzz build
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  seeds=(seeds/"$t")
  # The catalog's target starts from the real data files (only those: the
  # demo's database may sit in data/ too).
  if [ "$t" = catalog ]; then
    mkdir -p "$work/seeds-$t"
    cp "$ROOT"/data/catalog.toml "$ROOT"/data/holidays/*.toml "$work/seeds-$t/"
    seeds=("$work/seeds-$t")
  fi
  mkdir -p "$work/$t"
  say "$t for ${SECONDS_EACH} s"
  if ! cargo +nightly fuzz run "$t" "$work/$t" "${seeds[@]}" -- \
    -max_total_time="$SECONDS_EACH" -max_len=65536 -print_final_stats=1 >"$work/$t.log" 2>&1; then
    cat "$work/$t.log"
    say "$t crashed: the input is in domain/fuzz/artifacts/$t/"
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$work/$t.log" || tail -n 3 "$work/$t.log"
done
say "no target crashed"
