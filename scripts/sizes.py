#!/usr/bin/env python3
"""Prints what a first visit downloads, raw, gzip and brotli as served (the
.gz/.br files `cargo xtask build` writes beside each asset): the catalog's first visit
(bundle script, split loader, WASM, stylesheet), then what each lazily loaded
part adds, and the first visits that open a card or a booking page directly;
last, the office's screens.
Fails when the first visit of `/` is over its limit."""
import glob, json, os, sys

PKG = "target/site/pkg"


def newest(pattern):
    files = glob.glob(os.path.join(PKG, pattern))
    if not files:
        return None
    return max(files, key=os.path.getmtime)


def sizes(path):
    def size(p):
        return os.path.getsize(p) if os.path.exists(p) else 0
    return size(path), size(path + ".gz"), size(path + ".br")


def row(label, s):
    print(f"{label:<58} {s[0]:>10} {s[1]:>10} {s[2]:>10}")


def add(a, b):
    return tuple(x + y for x, y in zip(a, b))


main = [newest(p) for p in ("cherga.*.js", "__wasm_split.*.js", "cherga.*.wasm", "cherga.*.css")]
if main[0] is None or main[2] is None:
    sys.exit("no build in target/site/pkg: run scripts/build.sh first")
print(f"{'first visit: /':<58} {'raw':>10} {'gzip':>10} {'brotli':>10}")
first = (0, 0, 0)
for f in filter(None, main):
    s = sizes(f)
    row("  " + os.path.basename(f), s)
    first = add(first, s)
row("total", first)

manifest = newest("__wasm_split_manifest.*.json")
if manifest:
    parts = json.load(open(manifest))
    print("\neach part, when first opened, adds:")
    totals = {}
    for name, chunks in sorted(parts.items()):
        s = (0, 0, 0)
        for c in chunks:
            s = add(s, sizes(os.path.join(PKG, c + ".wasm")))
        label = name.rsplit("_", 1)[0]
        totals[label] = s
        row(f"  {label} ({len(chunks)} files)", s)
    print()
    for part, page in (("card_part", "a service card"), ("booking_part", "a booking page")):
        if part in totals:
            row(f"first visit straight to {page}: total", add(first, totals[part]))

# The office's screens (console, kiosk, board): their own files, never an
# applicant's download.
office = [newest(p) for p in ("office.*.js", "office.*.wasm", "office.*.css")]
if all(office):
    print("\nthe office's screens (never loaded by an applicant's page):")
    total = (0, 0, 0)
    for f in office:
        s = sizes(f)
        row("  " + os.path.basename(f), s)
        total = add(total, s)
    row("total", total)

# The first visit of `/` must not grow past what it was when the limit was
# set (the brief: 214 921 B brotli). A build that leaves the parts' constants
# in the main file (the splitter's "Overlong segment" warning) lands here.
LIMIT = 214_921
if first[2] > LIMIT:
    sys.exit(f"\nthe first visit of / is {first[2]} B brotli, over its limit of {LIMIT} B")
