#!/usr/bin/env python3
"""Prints what the server sends for a page (raw, gzip, brotli) and what sending it
costs (ms per request: 300 in a row on one connection, after 20 to warm up),
against a running server: scripts/run.sh, then
    python3 scripts/pages.py [http://127.0.0.1:3000]
The catalog, the cards and the booking's first step are pre-rendered; the
later booking steps are bare pages."""
import http.client, sys, time
from urllib.parse import urlparse

base = urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000")
PAGES = [
    "/",
    "/services/passport-lost-stolen",
    "/book/passport-lost-stolen",
    "/book/passport-lost-stolen/office",
]


def get(conn, path, encoding):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit(f"{path}: {response.status}")
    return len(body)


print(f"{'page':<34} {'raw':>8} {'gzip':>8} {'brotli':>8} {'ms raw':>8} {'ms br':>8}")
for path in PAGES:
    conn = http.client.HTTPConnection(base.hostname, base.port or 80)
    sizes = [get(conn, path, e) for e in (None, "gzip", "br")]
    times = []
    for encoding in (None, "br"):
        for _ in range(20):
            get(conn, path, encoding)
        start = time.perf_counter()
        for _ in range(300):
            get(conn, path, encoding)
        times.append((time.perf_counter() - start) / 300 * 1000)
    print(f"{path:<34} {sizes[0]:>8} {sizes[1]:>8} {sizes[2]:>8} {times[0]:>8.2f} {times[1]:>8.2f}")
