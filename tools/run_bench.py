#!/usr/bin/env python3
"""`make bench`: the same work on ferropy and on CPython 3.11 in one run, as ratios.

C-API: every benches/capi_*.c built against ferropy, against pyenv's CPython 3.11.7 and against
Debian's optimised CPython 3.11 (/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0, when
present); the binaries run in alternating rounds and each figure is the best of its rounds.
The ratio is ferropy's time over the fastest CPython's (below 1.00 means ferropy is faster).
`make bench` also runs the parser benchmark (benches/parse_stdlib.py, `make bench-parser`).
Timings never go in tests: the machine is noisy; trust the geometric mean and repeated runs."""
import argparse
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def flags(config):
    out = lambda *a: subprocess.run([config, *a], capture_output=True, text=True, check=True).stdout.split()
    return out("--cflags"), out("--ldflags", "--embed")


def builds(build, tmp):
    lib = (build / "lib").resolve()
    yield "ferropy", ["-I", str(build / "include")], ["-L", str(lib), "-lpython3.11", f"-Wl,-rpath,{lib}"]
    c, l = flags("python3-config")
    yield "cpython-3.11.7", c, l
    debian = Path("/usr/bin/python3.11-config")
    if debian.exists() and Path("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0").exists():
        c, l = flags(str(debian))
        yield "cpython-debian", c, l + ["-Wl,-rpath,/usr/lib/x86_64-linux-gnu"]


def parse(output):
    # A benchmark's name may contain spaces: the figure is the last field.
    return {name: float(ns) for name, ns in (line.rsplit(" ", 1) for line in output.strip().splitlines())}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default="build")
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument("names", nargs="*", help="benches to run (capi_NAME or NAME; default: all)")
    args = ap.parse_args()
    build = Path(args.build)
    with tempfile.TemporaryDirectory() as tmp:
        # binaries[implementation] = one executable per benches/capi_*.c
        binaries = {}
        sources = sorted((ROOT / "benches").glob("capi_*.c"))
        if args.names:
            sources = [s for s in sources if s.stem in args.names or s.stem[len("capi_"):] in args.names]
        for name, cflags, ldflags in builds(build, tmp):
            binaries[name] = []
            for src in sources:
                exe = Path(tmp) / f"{name}-{src.stem}"
                subprocess.run(["gcc", "-O2", "-I", str(ROOT / "benches"), *cflags, str(src), *ldflags,
                                "-o", str(exe)], check=True)
                binaries[name].append(exe)
        best = {name: {} for name in binaries}
        for _ in range(args.rounds):
            for name, exes in binaries.items():
                env = dict(os.environ, LD_LIBRARY_PATH="") if name != "ferropy" else None
                for exe in exes:
                    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True, env=env).stdout
                    for bench, ns in parse(out).items():
                        best[name][bench] = min(ns, best[name].get(bench, math.inf))
    cpythons = [n for n in binaries if n != "ferropy"]
    print(f"C-API micro-benchmarks (ns/op, best of {args.rounds} rounds; ratio = ferropy / fastest CPython)")
    print(f"{'benchmark':48}" + "".join(f"{n:>16}" for n in binaries) + f"{'ratio':>8}")
    ratios = []
    for bench in best["ferropy"]:
        fastest = min(best[c][bench] for c in cpythons)
        ratio = best["ferropy"][bench] / fastest if fastest > 0 else float("nan")
        ratios.append(ratio)
        print(f"{bench[:47]:48}" + "".join(f"{best[n][bench]:>16.2f}" for n in binaries) + f"{ratio:>8.2f}")
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"{'geometric mean':48}" + " " * 16 * len(binaries) + f"{geo:>8.2f}")


if __name__ == "__main__":
    main()
