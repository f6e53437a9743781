#!/usr/bin/env bash
# Installs what building and testing Cherga needs, idempotently: a second run
# only checks versions. Nothing is downloaded from outside crates.io, npm,
# Debian or rustup's server.
#   scripts/setup.sh          the build tools (the wasm32 target; wasm-opt and esbuild from npm)
#   scripts/setup.sh --test   the same plus Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

# binaryen >= 116: Debian's 108 produces WASM that fails at start-up in browsers.
BINARYEN_NPM_VERSION=132.0.0
# The JS glue's and the stylesheet's minifier (a binary shipped in the package).
ESBUILD_NPM_VERSION=0.28.2
# The SMTP server the tests send e-mail to.
AIOSMTPD_VERSION=1.4.6
# The API fuzzer run against the OpenAPI document.
SCHEMATHESIS_VERSION=4.32.5
# Reads the text of the receipts' PDFs back in the tests.
PYPDF_VERSION=7.1.1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(.tools/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_NPM_VERSION%%.*}" ]; then
  say "installing binaryen $BINARYEN_NPM_VERSION (wasm-opt) from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "binaryen@$BINARYEN_NPM_VERSION"
fi

if [ "$(.tools/node_modules/.bin/esbuild --version 2>/dev/null)" != "$ESBUILD_NPM_VERSION" ]; then
  say "installing esbuild $ESBUILD_NPM_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "esbuild@$ESBUILD_NPM_VERSION"
fi

if [ "${1:-}" = "--test" ]; then
  # The tests' SMTP server (aiosmtpd, on loopback), in a venv of its own.
  if [ "$(.tools/py/bin/python -c 'import aiosmtpd; print(aiosmtpd.__version__)' 2>/dev/null)" != "$AIOSMTPD_VERSION" ]; then
    say "installing aiosmtpd $AIOSMTPD_VERSION from PyPI into .tools/py"
    python3 -m venv .tools/py
    .tools/py/bin/pip install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION"
  fi
  if [ "$(.tools/py/bin/python -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$SCHEMATHESIS_VERSION" ]; then
    say "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into .tools/py"
    .tools/py/bin/pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  if [ "$(.tools/py/bin/python -c 'import pypdf; print(pypdf.__version__)' 2>/dev/null)" != "$PYPDF_VERSION" ]; then
    say "installing pypdf $PYPDF_VERSION from PyPI into .tools/py"
    .tools/py/bin/pip install --quiet --disable-pip-version-check "pypdf==$PYPDF_VERSION"
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
