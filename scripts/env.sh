# Sourced by the scripts: puts the project's wasm-opt (binaryen >= 116, from npm)
# before any system one, so cargo-leptos never uses Debian's broken 108.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
