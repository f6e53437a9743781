#!/usr/bin/env bash
# What Leptos and its router weigh alone: builds a two-route app (a signal, a
# button, a route parameter, links; no server functions, no serde) with the
# same crate versions (this repository's Cargo.lock), profile and optimiser as
# the real bundle, and prints its WASM and JS glue, raw and brotli. The
# difference to `scripts/sizes.sh` is what Cherga itself adds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dir="${FLOOR_DIR:-target/floor}"
mkdir -p "$dir/src"
cp Cargo.lock "$dir/"
# Versions and profile are read from the workspace's Cargo.toml, the
# wasm-opt flags from the build, so the two builds cannot drift apart.
python3 - "$dir/Cargo.toml" <<'EOF'
import sys, tomllib
ws = tomllib.load(open("Cargo.toml", "rb"))
deps = ws["workspace"]["dependencies"]
profile = {**ws["profile"]["release"], **ws["profile"]["wasm-release"]}
profile.pop("inherits", None)
profile.pop("strip", None)  # wasm-bindgen reads the target-features section
def val(v):
    return f'"{v}"' if isinstance(v, str) else str(v).lower()
lines = [
    '[package]', 'name = "floor"', 'version = "0.0.0"', 'edition = "2021"', 'publish = false',
    '[workspace]', '[lib]', 'crate-type = ["cdylib"]', '[dependencies]',
    f'leptos = {{ version = "{deps["leptos"]["version"]}", default-features = false, features = ["csr"] }}',
    f'leptos_router = {{ version = "{deps["leptos_router"]["version"]}", default-features = false }}',
    f'wasm-bindgen = "{deps["wasm-bindgen"]}"',
    '[profile.release]',
] + [f"{k} = {val(v)}" for k, v in profile.items()]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
EOF
cat > "$dir/src/lib.rs" <<'EOF'
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

#[component]
fn Home() -> impl IntoView {
    let (n, set_n) = signal(0);
    view! { <h1>"Home"</h1><button on:click=move |_| set_n.update(|n| *n += 1)>{n}</button><A href="/s/1">"one"</A> }
}

#[component]
fn Svc() -> impl IntoView {
    let p = use_params_map();
    view! { <h1>"Service "{move || p.get().get("id").unwrap_or_default()}</h1><A href="/">"home"</A> }
}

#[component]
fn App() -> impl IntoView {
    view! { <Router><main><Routes fallback=|| "not found"><Route path=path!("/") view=Home /><Route path=path!("/s/:id") view=Svc /></Routes></main></Router> }
}

#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(App);
}
EOF
# The real build links through wasm-bindgen-cli-support (xtask); this one needs
# the CLI of the same version, installed once.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "0.2.130" ]; then
  cargo install wasm-bindgen-cli --version 0.2.130
fi
(cd "$dir" && RUSTFLAGS="--cfg erase_components" cargo build --quiet --release --target wasm32-unknown-unknown)
rm -rf "$dir/out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$dir/out" "$dir/target/wasm32-unknown-unknown/release/floor.wasm"
# The flags of the real build (xtask/src/front.rs, WASM_OPT).
read -r -a opt_flags < <(python3 -c 'import re; src = open("xtask/src/front.rs").read(); print(" ".join(re.findall(r"\"(-[^\"]+)\"", src.split("const WASM_OPT")[1].split("];")[0])))')
.tools/node_modules/.bin/wasm-opt "${opt_flags[@]}" "$dir/out/floor_bg.wasm" -o "$dir/out/floor_bg.wasm"
python3 - "$dir/out" <<'EOF'
import os, sys
try:
    import brotli
except ImportError:
    sys.exit("needs python3 brotli (pip install brotli)")
out = sys.argv[1]
print(f"{'Leptos + router, two routes':<32} {'raw':>9} {'brotli':>9}")
for name in ("floor_bg.wasm", "floor.js"):
    data = open(os.path.join(out, name), "rb").read()
    print(f"  {name:<30} {len(data):>9} {len(brotli.compress(data, quality=11)):>9}")
EOF
