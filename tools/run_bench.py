#!/usr/bin/env python3
"""`make bench`: the same work on ferropy and on CPython 3.11 in one run, as ratios.

C-API: every benches/capi_*.c built against ferropy, against pyenv's CPython 3.11.7 and against
Debian's optimised CPython 3.11 (/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0, when
present); the binaries run in alternating rounds and each figure is the best of its rounds.
The ratio is ferropy's time over the fastest CPython's (below 1.00 means ferropy is faster).
`make bench` also runs the parser benchmark (benches/parse_stdlib.py, `make bench-parser`).

Python programs: every benches/py_*.py is run as a whole process by build/bin/ferropy and by
/usr/bin/python3.11 (Debian's optimised build; `python3` when absent) in alternating rounds;
each figure is the best wall-clock time of its rounds, start-up included, and both must
print the same checksum (a mismatch is reported and left out of the geometric mean).
`py_startup` is `-c pass`, timed per run (site included, with the build's own bytecode cache). Select with names `py_NAME`; `--python-only` and
`--capi-only` run one half.
`--instructions`: each C-API bench binary runs once under callgrind and every BENCH reports
instructions per op (callgrind's counters zeroed and dumped around its loop, benches/bench.h)
instead of nanoseconds: steady on a loaded machine. Benches timed by hand are left out.
Timings never go in tests: the machine is noisy; trust the geometric mean and repeated runs."""
import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
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


def instructions(exe, env, tmp):
    """{bench: instructions per op} of one run of exe under callgrind (see benches/bench.h)."""
    # Each implementation's own allocator (ferropy switches to malloc under valgrind unless
    # told; CPython keeps pymalloc), so allocation costs compare as they do outside valgrind.
    env = dict(env or os.environ, BENCH_INSTRUCTIONS="1", PYTHONMALLOC="default")
    out_file = Path(tmp) / f"{exe.name}.cg"
    for old in Path(tmp).glob(out_file.name + "*"):
        old.unlink()
    # Per-thread dumps, of which only the main thread's are read: CALLGRIND_ZERO_STATS zeroes
    # the calling thread's counters only, so threads that ran before (ferropy's compiler and
    # parser threads during start-up) would otherwise land in the first bench's dump.
    r = subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                        f"--callgrind-out-file={out_file}", str(exe)],
                       capture_output=True, text=True, check=True, env=env)
    iterations = parse(r.stdout)
    figures = {}
    for dump in Path(tmp).glob(out_file.name + ".*-01"):
        text = dump.read_text(errors="replace")
        trigger = next((l.split("Client Request: ", 1)[1] for l in text.splitlines()
                        if l.startswith("desc: Trigger: Client Request: ")), None)
        total = next((int(l.split()[1]) for l in text.splitlines()
                      if l.startswith(("summary:", "totals:"))), None)
        if trigger in iterations and total is not None:
            figures[trigger] = total / iterations[trigger]
    return figures


STARTUP_RUNS = 20


def bench_command(exe, script, no_site=False):
    """(command, cwd, env) of a Python bench: the import benches run without site (-S);
    py_import_cold also without a bytecode cache (-B and an empty PYTHONPYCACHEPREFIX),
    py_import_warm with a cache of its own (build/bench-pycache).
    no_site (--no-site) runs every bench with -S: the two interpreters see different
    site-packages (ferropy pyenv's, /usr/bin/python3.11 Debian's), whose .pth files import
    different modules at start-up."""
    if not script.stem.startswith("py_import_"):
        return [exe, *(["-S"] if no_site else []), script.name], script.parent, None
    # The warm bench fills the cache in its first round: writing must be allowed. Its cache
    # is this checkout's own (build/bench-pycache): other ferropy builds on the machine
    # rewrite the shared `__pycache__/*.ferropy-311.pyc` files with their own compiler id.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    flags = ["-S"]
    if script.stem == "py_import_cold":
        flags.append("-B")
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="ferropy-cold-")
    else:
        env["PYTHONPYCACHEPREFIX"] = str(ROOT / "build" / "bench-pycache")
    return [exe, *flags, script.name], script.parent, env


def startup_env():
    """py_startup's environment: site's imports use this checkout's own bytecode cache, as
    py_import_warm's (the shared `__pycache__` files of the stdlib are rewritten by other
    ferropy builds, and with PYTHONDONTWRITEBYTECODE set every module would be compiled
    again at each start); CPython's first run fills its own copy there too."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / "build" / "bench-pycache")
    return env


def timed(cmd, cwd, env=None):
    """(seconds, stdout) of one run; stdout None if the run failed."""
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, cwd=cwd, stdin=subprocess.DEVNULL, env=env)
    dt = time.perf_counter() - t
    return dt, (r.stdout if r.returncode == 0 else None)


def python_benches(build, rounds, names, no_site=False):
    ferropy = str((build / "bin" / "ferropy").resolve())
    cpython = "/usr/bin/python3.11" if Path("/usr/bin/python3.11").exists() else "python3"
    scripts = sorted((ROOT / "benches").glob("py_*.py"))
    wanted = [n for n in names if n.startswith("py_")]
    if names and not wanted:
        return
    if wanted:
        scripts = [s for s in scripts if s.stem in wanted]
    probe = subprocess.run([ferropy, "-c", "pass"], capture_output=True, stdin=subprocess.DEVNULL)
    if probe.returncode != 0:
        print("Python benchmarks: SKIPPED (`ferropy -c pass` fails: ferropy cannot run Python code yet)")
        return
    impls = {"ferropy": ferropy, "cpython": cpython}
    # Start-up is also timed against the CPython sharing ferropy's site-packages (pyenv's:
    # the same .pth files run), the fair pair for it (docs/import.md, "Start-up").
    same_site = str(Path(sys.executable).resolve())
    if same_site != str(Path(cpython).resolve()) and (not wanted or "py_startup" in wanted):
        impls["cpython-same-site"] = same_site
    best = {i: {} for i in impls}
    outputs = {i: {} for i in impls}
    for _ in range(rounds):
        for impl, exe in impls.items():
            if impl == "cpython-same-site":
                t = sum(timed([exe, "-c", "pass"], ROOT, startup_env())[0] for _ in range(STARTUP_RUNS))
                best[impl]["py_startup"] = min(t / STARTUP_RUNS, best[impl].get("py_startup", math.inf))
                continue
            if not wanted or "py_startup" in wanted:
                t = 0.0
                for _ in range(STARTUP_RUNS):
                    dt, out = timed([exe, *(["-S"] if no_site else []), "-c", "pass"], ROOT, startup_env())
                    t += dt
                    outputs[impl]["py_startup"] = out
                best[impl]["py_startup"] = min(t / STARTUP_RUNS, best[impl].get("py_startup", math.inf))
            for script in scripts:
                cmd, cwd, env = bench_command(exe, script, no_site)
                dt, out = timed(cmd, cwd, env)
                if script.stem == "py_import_cold":
                    shutil.rmtree(env["PYTHONPYCACHEPREFIX"], ignore_errors=True)
                best[impl][script.stem] = min(dt, best[impl].get(script.stem, math.inf))
                outputs[impl][script.stem] = out
    print(f"Python programs (seconds, best of {rounds} rounds, start-up included; ratio = ferropy / {cpython})")
    print(f"{'benchmark':32}{'ferropy':>12}{'cpython':>12}{'ratio':>8}  checksum")
    ratios = []
    for bench in best["ferropy"]:
        ours, theirs = outputs["ferropy"][bench], outputs["cpython"][bench]
        ratio = best["ferropy"][bench] / best["cpython"][bench]
        if ours is None:
            verdict = "FERROPY FAILED"
        elif ours != theirs:
            verdict = "MISMATCH " + repr(ours[:60]) + " vs " + repr((theirs or b"")[:60])
        else:
            verdict = "ok"
            ratios.append(ratio)
        print(f"{bench:32}{best['ferropy'][bench]:>12.3f}{best['cpython'][bench]:>12.3f}{ratio:>8.2f}  {verdict}")
    if "py_startup" in best.get("cpython-same-site", {}):
        theirs = best["cpython-same-site"]["py_startup"]
        print(f"{'py_startup (same site)':32}{best['ferropy']['py_startup']:>12.3f}{theirs:>12.3f}"
              f"{best['ferropy']['py_startup'] / theirs:>8.2f}  against {same_site} (its site-packages; not in the mean)")
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{'geometric mean':32}{'':24}{geo:>8.2f}  ({len(ratios)} of {len(best['ferropy'])} with matching output)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument("--python-only", action="store_true", help="only the Python programs")
    ap.add_argument("--capi-only", action="store_true", help="only the C-API benches")
    ap.add_argument("--instructions", action="store_true",
                    help="C-API benches: instructions per op instead of ns (implies --capi-only, 1 round)")
    ap.add_argument("--no-site", action="store_true",
                    help="Python programs: run both interpreters with -S (no site, no .pth files)")
    ap.add_argument("names", nargs="*", help="benches to run (capi_NAME, NAME or py_NAME; default: all)")
    args = ap.parse_args()
    build = Path(args.build)
    if args.instructions:
        args.capi_only, args.rounds = True, 1
    if not args.capi_only:
        python_benches(build, args.rounds, args.names, args.no_site)
    if args.python_only:
        return
    names = [n for n in args.names if not n.startswith("py_")]
    if args.names and not names:
        return
    args.names = names
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
                # startup_env: the runtime benches' Py_Initialize imports `site` with this
                # checkout's own bytecode cache (else ferropy compiles ~60 modules per cycle).
                env = dict(startup_env(), LD_LIBRARY_PATH="") if name != "ferropy" else startup_env()
                for exe in exes:
                    if args.instructions:
                        figures = instructions(exe, env, tmp)
                    else:
                        out = subprocess.run([str(exe)], capture_output=True, text=True, check=True, env=env).stdout
                        figures = parse(out)
                    for bench, ns in figures.items():
                        best[name][bench] = min(ns, best[name].get(bench, math.inf))
    cpythons = [n for n in binaries if n != "ferropy"]
    unit = "instructions/op" if args.instructions else "ns/op"
    print(f"C-API micro-benchmarks ({unit}, best of {args.rounds} rounds; ratio = ferropy / fastest CPython)")
    print(f"{'benchmark':48}" + "".join(f"{n:>16}" for n in binaries) + f"{'ratio':>8}")
    ratios = []
    for bench in best["ferropy"]:
        if any(bench not in best[c] for c in cpythons):
            continue
        fastest = min(best[c][bench] for c in cpythons)
        ratio = best["ferropy"][bench] / fastest if fastest > 0 else float("nan")
        ratios.append(ratio)
        print(f"{bench[:47]:48}" + "".join(f"{best[n][bench]:>16.2f}" for n in binaries) + f"{ratio:>8.2f}")
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"{'geometric mean':48}" + " " * 16 * len(binaries) + f"{geo:>8.2f}")


if __name__ == "__main__":
    main()
