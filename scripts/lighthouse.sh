#!/usr/bin/env bash
# Lighthouse in mobile mode (its default: Moto G Power, 4x CPU slowdown,
# 150 ms RTT, 1.6 Mbps) against the release build on a fresh SQLite file, for
# the catalog, the seed service card and its first booking step, each as a
# first visit and as one whose browser chose English (the cherga.lang cookie).
# Prints performance, accessibility, LCP, TBT and CLS per page; full reports
# land in target/lighthouse/.
# Needs a release build (scripts/build.sh) and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
LIGHTHOUSE_VERSION=13.5.0
if [ "$(.tools/node_modules/.bin/lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  npm install --silent --no-audit --no-fund --prefix .tools "lighthouse@$LIGHTHOUSE_VERSION"
fi
out=target/lighthouse
mkdir -p "$out"
db=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
target/release/cherga serve --addr "127.0.0.1:$port" --site-root target/site --data-dir data \
  --db "sqlite://$db/cherga.sqlite" --log warn &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$db"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
export CHROME_PATH=/usr/bin/chromium
printf '%-34s %6s %6s %8s %6s %6s\n' page perf a11y LCP_ms TBT_ms CLS
for lang in uk en; do
for page in / /services/passport-lost-stolen /book/passport-lost-stolen; do
  name=$(echo "$page" | tr -c 'a-z0-9\n' '_' | sed 's/^_*$/catalog/;s/^_//')-$lang
  headers='{}'
  [ "$lang" = en ] && headers='{"Cookie":"cherga.lang=en"}'
  .tools/node_modules/.bin/lighthouse "http://127.0.0.1:$port$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    --extra-headers="$headers" \
    --only-categories=performance,accessibility --output=json --output-path="$out/$name.json" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]);
    const a = (id) => r.audits[id].numericValue;
    console.log(process.argv[2].padEnd(34),
      String(Math.round(r.categories.performance.score * 100)).padStart(6),
      String(Math.round(r.categories.accessibility.score * 100)).padStart(6),
      String(Math.round(a("largest-contentful-paint"))).padStart(8),
      String(Math.round(a("total-blocking-time"))).padStart(6),
      a("cumulative-layout-shift").toFixed(3).padStart(6));
    const failed = Object.values(r.audits).filter((x) => x.score === 0 && r.categories.accessibility.auditRefs.some((ref) => ref.id === x.id));
    for (const f of failed) console.log("  accessibility: " + f.id + " — " + f.title);
  ' "$PWD/$out/$name.json" "$page ($lang)"
done
done
