# Sourced by the scripts: cargo's own bin folder on the PATH (a fresh shell
# after rustup may lack it). The build finds wasm-opt and esbuild in .tools/.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
