#!/usr/bin/env python3
"""Runs the C tests of c-tests/ against ferropy and against CPython 3.11.

Each `c-tests/NAME.c` (or `NAME.cpp`, built as C++) is built three ways:
  ferropy   against include/ (ferropy's headers), linked with build/lib;
  cpython   against CPython's headers (`python3-config --cflags --embed`), linked with CPython;
  drop-in   the cpython binary run with ferropy's library first on the loader path, which is
            the drop-in promise: a program built for CPython runs on ferropy.
All three must print the same thing. With `c-tests/NAME.out` present (produced by CPython),
each output must equal it; without one, ferropy's output must equal CPython's.

Directives, in comment lines `// ferropy-test: KEY=VALUE` at the top of the test:
  limited=0x030B0000  compile with -DPy_LIMITED_API=VALUE against both
  drop-in=no REASON   skip the drop-in run (REASON is required and printed)
  timeout=SECONDS     per run (default 60)
  args=...            command-line arguments
  cflags=...          extra compiler/linker flags for both builds (e.g. -fno-pie -no-pie)
  ext=SRC[:PATH] ...  extension modules the test imports: c-tests/ext/SRC.c, built as
                      PATH (default SRC; `pkg/name` puts it in a package directory) plus the
                      variant's suffix into one directory per variant (see below)
  ext-variants=...    which ways to build them (default ferropy,cpython,abi3):
                        ferropy  ferropy's headers, NAME.cpython-311-x86_64-linux-gnu.so
                        cpython  CPython's headers, same suffix
                        abi3     CPython's headers with Py_LIMITED_API=0x030B0000, NAME.abi3.so
                      Every binary (ferropy, cpython, drop-in) then runs once per variant with
                      FERROPY_TEST_EXT_DIR (the directory) and FERROPY_TEST_EXT_SUFFIX set;
                      each run must print the same thing.
  fetch=PKG=VERSION   a Debian package (a third-party extension built for CPython 3.11),
                      fetched at test time with `apt-get download` (pinned version) and
                      unpacked into BUILD/thirdparty/PKG; FERROPY_TEST_THIRDPARTY names
                      BUILD/thirdparty. Nothing third-party is committed.

`--memcheck` runs the ferropy and cpython binaries under valgrind: ferropy must show no
invalid reads/writes (no valgrind errors) and leak no more than CPython does for the test.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "c-tests"


def sh(cmd):
    return subprocess.run(cmd, shell=True, check=True, capture_output=True, text=True).stdout.split()


def cpython_flags():
    cflags = sh("python3-config --cflags")
    ldflags = sh("python3-config --ldflags --embed")
    libdir = sh("python3-config --prefix")[0] + "/lib"
    return cflags, ldflags, libdir


def directives(source: Path):
    found = {}
    for line in source.read_text().splitlines()[:20]:
        m = re.match(r"\s*//\s*ferropy-test:\s*([\w-]+)=(.*)$", line)
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


class Test:
    def __init__(self, source: Path):
        self.source = source
        self.name = source.stem
        self.opts = directives(source)
        self.expected = source.with_suffix(".out")
        self.timeout = int(self.opts.get("timeout", "60"))
        self.args = shlex.split(self.opts.get("args", ""))

    def defines(self):
        limited = [f"-DPy_LIMITED_API={self.opts['limited']}"] if "limited" in self.opts else []
        return limited + shlex.split(self.opts.get("cflags", ""))


def compile_test(test, out_dir, build, cpy):
    """Returns (ferropy_binary, cpython_binary) or raises with the compiler's message."""
    ferropy_bin = out_dir / f"{test.name}.ferropy"
    cpython_bin = out_dir / f"{test.name}.cpython"
    lib = (build / "lib").resolve()
    inc = (build / "include").resolve()
    common = ["-O1", "-g", "-Wall", "-Wno-unused-function", "-I", str(TESTS)] + test.defines()
    compiler = "g++" if test.source.suffix == ".cpp" else "gcc"
    cmds = [
        [compiler, *common, "-Werror", "-I", str(inc), str(test.source), "-L", str(lib),
         "-lpython3.11", f"-Wl,-rpath,{lib}", "-lm", "-o", str(ferropy_bin)],
        [compiler, *common, *cpy[0], str(test.source), *cpy[1], "-o", str(cpython_bin)],
    ]
    for cmd in cmds:
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("compile failed:\n  " + " ".join(cmd) + "\n" + r.stderr)
    return ferropy_bin, cpython_bin


EXT_DIR = TESTS / "ext"
EXT_SUFFIXES = {"ferropy": ".cpython-311-x86_64-linux-gnu.so", "cpython": ".cpython-311-x86_64-linux-gnu.so",
                "abi3": ".abi3.so"}


def ext_variants(test):
    names = test.opts.get("ext-variants", "ferropy,cpython,abi3").split(",")
    return [v.strip() for v in names if v.strip()]


def build_extensions(test, out_dir, build, cpy):
    """Builds the test's extension modules once per variant; returns {variant: directory}."""
    if "ext" not in test.opts:
        return {}
    inc = str((build / "include").resolve())
    dirs = {}
    for variant in ext_variants(test):
        if variant not in EXT_SUFFIXES:
            raise RuntimeError(f"unknown ext variant {variant}")
        target_dir = out_dir / f"{test.name}-ext-{variant}"
        for item in test.opts["ext"].split():
            src, _, path = item.partition(":")
            target = target_dir / ((path or src) + EXT_SUFFIXES[variant])
            target.parent.mkdir(parents=True, exist_ok=True)
            flags = ["-I", inc, "-Werror"] if variant == "ferropy" else list(cpy[0])
            if variant == "abi3":
                flags.append("-DPy_LIMITED_API=0x030B0000")
            cmd = ["gcc", "-shared", "-fPIC", "-O1", "-g", "-Wall", "-Wno-unused-function", "-I", str(TESTS),
                   *flags, str(EXT_DIR / f"{src}.c"), "-o", str(target)]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError("extension compile failed:\n  " + " ".join(cmd) + "\n" + r.stderr)
        dirs[variant] = target_dir
    return dirs


def ext_runs(label, cmd, test, env, dirs):
    """Runs cmd once per extension variant (or once, without extensions)."""
    if not dirs:
        return {label: run(cmd, test, env)}
    results = {}
    for variant, d in dirs.items():
        e = dict(env if env is not None else os.environ)
        e["FERROPY_TEST_EXT_DIR"] = str(d.resolve())
        e["FERROPY_TEST_EXT_SUFFIX"] = EXT_SUFFIXES[variant]
        results[f"{label}[ext={variant}]"] = run(cmd, test, e)
    return results


def fetch_debs(tests, build):
    """Downloads and unpacks the Debian packages the tests name (once per build dir)."""
    root = (build / "thirdparty").resolve()
    for test in tests:
        spec = test.opts.get("fetch")
        if not spec:
            continue
        pkg = spec.split("=", 1)[0]
        target = root / pkg
        if target.exists():
            continue
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="ferropy-deb-") as tmp:
            r = subprocess.run(["apt-get", "download", spec], cwd=tmp, capture_output=True, text=True)
            if r.returncode != 0:
                # A fresh machine may have no package lists yet: update them once and retry.
                subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
                r = subprocess.run(["apt-get", "download", spec], cwd=tmp, capture_output=True, text=True)
            debs = list(Path(tmp).glob("*.deb"))
            if r.returncode != 0 or not debs:
                sys.exit(f"run_c_tests: apt-get download {spec} failed:\n{r.stderr}")
            subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(target)], check=True)
    os.environ["FERROPY_TEST_THIRDPARTY"] = str(root)


def run(cmd, test, env=None):
    try:
        r = subprocess.run(cmd + test.args, capture_output=True, text=True, timeout=test.timeout,
                           env=env, stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", f"timed out after {test.timeout}s"


def describe(label, result):
    code, out, err = result
    tail = err.strip().splitlines()[-3:] if err.strip() else []
    return f"{label}: exit {code}" + ("".join("\n    " + t for t in tail))


def diff(a, b, la, lb):
    return "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), la, lb, n=2))[:4000]


def check_outputs(test, results):
    """results: dict label -> (code, stdout, stderr). Returns list of failure strings."""
    failures = []
    cpython_label = next(label for label in results if label.startswith("cpython"))
    reference_label = "expected" if test.expected.exists() else cpython_label
    reference = test.expected.read_text() if test.expected.exists() else results[cpython_label][1]
    for label, (code, out, err) in results.items():
        if code != 0:
            failures.append(describe(label, (code, out, err)))
        elif out != reference:
            failures.append(f"{label} differs from {reference_label}:\n" + diff(reference, out, reference_label, label))
    return failures


VALGRIND = ["valgrind", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=none",
            "--track-origins=no", "-q"]
LEAK_RE = re.compile(r"(definitely|indirectly) lost: ([\d,]+) bytes")


def leaked_bytes(stderr):
    return sum(int(m.group(2).replace(",", "")) for m in LEAK_RE.finditer(stderr))


def memcheck(test, ferropy_bin, cpython_bin, ext_dirs=None):
    failures = []
    env_ferropy = dict(os.environ)
    if ext_dirs:  # the first variant's extensions
        variant, d = next(iter(ext_dirs.items()))
        env_ferropy.update(FERROPY_TEST_EXT_DIR=str(d.resolve()), FERROPY_TEST_EXT_SUFFIX=EXT_SUFFIXES[variant])
    vg = VALGRIND + ["--leak-check=full", "--show-leak-kinds=definite,indirect"]
    fcode, fout, ferr = run(vg + [str(ferropy_bin)], test, env_ferropy)
    ccode, cout, cerr = run(vg + [str(cpython_bin)], test, env_ferropy)
    if fcode == 99:
        failures.append("valgrind errors under ferropy:\n" + ferr[-3000:])
    elif fcode != 0:
        failures.append(describe("ferropy under valgrind", (fcode, fout, ferr)))
    f_leak, c_leak = leaked_bytes(ferr), leaked_bytes(cerr)
    if f_leak > c_leak:
        failures.append(f"ferropy leaks {f_leak} bytes, CPython {c_leak} bytes\n" + ferr[-3000:])
    return failures


def run_one(test, out_dir, build, cpy, mode_memcheck):
    try:
        ferropy_bin, cpython_bin = compile_test(test, out_dir, build, cpy)
        ext_dirs = build_extensions(test, out_dir, build, cpy)
    except RuntimeError as e:
        return test, [str(e)], []
    notes = []
    if mode_memcheck:
        return test, memcheck(test, ferropy_bin, cpython_bin, ext_dirs), notes
    results = {**ext_runs("ferropy", [str(ferropy_bin)], test, None, ext_dirs),
               **ext_runs("cpython", [str(cpython_bin)], test, None, ext_dirs)}
    drop_in = test.opts.get("drop-in", "yes")
    if drop_in.startswith("no"):
        reason = drop_in[2:].strip()
        if not reason:
            return test, ["drop-in=no needs a reason"], notes
        notes.append(f"drop-in skipped: {reason}")
    else:
        env = dict(os.environ)
        env["LD_LIBRARY_PATH"] = str((build / "lib").resolve())
        results.update(ext_runs("drop-in", [str(cpython_bin)], test, env, ext_dirs))
        # The drop-in run must really have loaded ferropy: check with the loader.
        # (A test that calls nothing in libpython does not need it at all: --as-needed.)
        ldd = subprocess.run(["ldd", str(cpython_bin)], capture_output=True, text=True, env=env).stdout
        if "libpython3.11" in ldd and str((build / "lib").resolve()) not in ldd:
            return test, ["drop-in run did not load ferropy's library:\n" + ldd], notes
    # A test may end with a count line ("layout items: 1365"); show it.
    ferropy_label = next(label for label in results if label.startswith("ferropy"))
    last = results[ferropy_label][1].strip().splitlines()[-1:] or [""]
    if re.fullmatch(r"[\w -]+ items: \d+", last[0]):
        notes.append(last[0])
    return test, check_outputs(test, results), notes


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build", help="the build/ directory made by `make`")
    ap.add_argument("--memcheck", action="store_true", help="run under valgrind")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("names", nargs="*", help="run only these tests")
    args = ap.parse_args()
    build = Path(args.build)
    if not (build / "lib" / "libpython3.11.so.1.0").exists():
        sys.exit(f"run_c_tests: {build}/lib has no libpython3.11.so.1.0; run `make` first")
    cpy = cpython_flags()
    sources = sorted([*TESTS.glob("*.c"), *TESTS.glob("*.cpp")])
    tests = [Test(p) for p in sources if not args.names or p.stem in args.names]
    if not tests:
        sys.exit("run_c_tests: no tests found")
    fetch_debs(tests, build)
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="ferropy-ctests-") as tmp:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(run_one, t, Path(tmp), build, cpy, args.memcheck) for t in tests]
            for fut in futures:
                test, failures, notes = fut.result()
                label = "memcheck " if args.memcheck else ""
                if failures:
                    failed += 1
                    print(f"FAIL {label}{test.name}")
                    for f in failures:
                        print("  " + f.replace("\n", "\n  "))
                else:
                    passed += 1
                    extra = f" ({'; '.join(notes)})" if notes else ""
                    print(f"ok   {label}{test.name}{extra}")
    print(f"c-tests: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
