#!/usr/bin/env python3
"""Checks that the built library still gets the resident-memory link options of build.rs:
the functions listed in src/startup_functions.txt exist in the library (their names carry
rustc's hashes: a new compiler version or profile renames them all, and the start-up code
silently spreads over .text again, ~2.7 MiB more RSS; rerun tools/gen_startup_order.py)
and lie together in .text, and relative relocations are packed (DT_RELR).

    python3 tools/check_startup_order.py [--build build]
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Below this share of listed names found, the file is stale (a few renamed functions are normal).
MIN_FOUND = 0.8


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=str(ROOT / "build"))
    lib = Path(ap.parse_args().build) / "lib" / "libpython3.11.so.1.0"
    listed = [l.strip() for l in (ROOT / "src" / "startup_functions.txt").read_text().splitlines()
              if l.strip() and not l.startswith("#")]
    nm = subprocess.run(["nm", "-S", "--defined-only", str(lib)], capture_output=True, text=True, check=True).stdout
    # name -> (address, size) of every function.
    text = {p[3]: (int(p[0], 16), int(p[1], 16)) for p in (l.split() for l in nm.splitlines())
            if len(p) == 4 and p[2] in "tTwW"}
    found = [n for n in listed if n in text]
    failures, warnings = [], []
    text_lines = (ROOT / "src" / "startup_functions.txt").read_text().splitlines()
    recorded = next((l[len("# rustc: "):] for l in text_lines if l.startswith("# rustc: ")), None)
    current = subprocess.run([os.environ.get("RUSTC", "rustc"), "--version"], capture_output=True,
                             text=True).stdout.strip()
    if len(found) < MIN_FOUND * len(listed):
        # Another compiler renames every function: the layout is lost but nothing is wrong
        # with the code, so that is a warning; with the list's own compiler it is a failure.
        stale = failures if recorded == current else warnings
        stale.append(f"only {len(found)} of {len(listed)} start-up functions are in {lib}: "
                     "regenerate src/startup_functions.txt with tools/gen_startup_order.py")
    # Laid out together: they span little more than their own size (spread over .text, they
    # span the whole 4 MiB of it).
    if found:
        size = sum(text[n][1] for n in found)
        span = max(sum(text[n]) for n in found) - min(text[n][0] for n in found)
        if span > 1.25 * size + 65536:
            failures.append(f"the start-up functions ({size} bytes) span {span} bytes of .text: "
                            "is the linker lld with --symbol-ordering-file (build.rs)?")
    dynamic = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True, check=True).stdout
    if "(RELR)" not in dynamic:
        failures.append("no DT_RELR: relative relocations are not packed (-z pack-relative-relocs, build.rs)")
    for w in warnings:
        print(f"check_startup_order: warning ({current}; the list is from {recorded}):", w, file=sys.stderr)
    for f in failures:
        print("check_startup_order:", f, file=sys.stderr)
    if not failures:
        print(f"check_startup_order: {len(found)} of {len(listed)} start-up functions laid out together, DT_RELR present")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
