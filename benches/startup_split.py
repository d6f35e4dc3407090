#!/usr/bin/env python3
"""Where `python -c pass` spends its start-up, per interpreter (docs/import.md, "Start-up").

Runs each interpreter ROUNDS times with `-X importtime -c pass` and keeps, per top-level
import (the modules `site` imports directly, and what the runtime imports before `site`),
the smallest cumulative time of the rounds; also the whole run's best wall time with and
without `site` (-S). Wall clock on a shared machine: compare within one run only.
Usage: python3 benches/startup_split.py [--rounds N] [ferropy-binary]"""
import argparse, os, re, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# As run_bench's py_startup: this checkout's own bytecode cache, writable (filled by the
# first round), so other ferropy builds' cache files are never in the way.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = str(ROOT / "build" / "bench-pycache")

LINE = re.compile(r"import time: +(\d+) \| +(\d+) \| ( *)(\S+)$")


def best_wall(cmd, rounds):
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, env=ENV)
        best = min(best, time.perf_counter() - t)
    return best * 1000


def split(exe, rounds):
    """{top-level import: best cumulative ms}; nesting below `site` is one level deeper."""
    best = {}
    for _ in range(rounds):
        err = subprocess.run([exe, "-X", "importtime", "-c", "pass"], stdin=subprocess.DEVNULL,
                             capture_output=True, text=True, env=ENV).stderr
        rows = [(int(m.group(2)), len(m.group(3)), m.group(4)) for m in map(LINE.match, err.splitlines()) if m]
        # Lines come children first: a level-1 import belongs to the next level-0 line (the
        # runtime's own imports, and `site` with what it and the .pth files import).
        pending = []
        for cum, indent, name in rows:
            if indent == 2:
                pending.append((name, cum))
            elif indent == 0:
                for key, value in [(name, cum)] + [(name + " > " + n, c) for n, c in pending]:
                    best[key] = min(best.get(key, float("inf")), value / 1000)
                pending = []
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("ferropy", nargs="?", default=str(ROOT / "build/bin/ferropy"))
    args = ap.parse_args()
    impls = {"ferropy": args.ferropy, "cpython (pyenv)": "/root/.pyenv/versions/3.11.7/bin/python3.11",
             "cpython (/usr/bin)": "/usr/bin/python3.11"}
    impls = {k: v for k, v in impls.items() if Path(v).exists()}
    tables = {k: split(v, args.rounds) for k, v in impls.items()}
    walls = {k: (best_wall([v, "-c", "pass"], args.rounds), best_wall([v, "-S", "-c", "pass"], args.rounds)) for k, v in impls.items()}
    names = []
    for t in tables.values():
        names += [n for n in t if n not in names]
    print(f"{'best ms of ' + str(args.rounds):28}" + "".join(f"{k:>20}" for k in impls))
    for n in names:
        print(f"{n:28}" + "".join(f"{tables[k][n]:>20.2f}" if n in tables[k] else f"{'-':>20}" for k in impls))
    print(f"{'wall -c pass':28}" + "".join(f"{walls[k][0]:>20.1f}" for k in impls))
    print(f"{'wall -S -c pass':28}" + "".join(f"{walls[k][1]:>20.1f}" for k in impls))


if __name__ == "__main__":
    main()
