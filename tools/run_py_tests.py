#!/usr/bin/env python3
"""Runs each tests/python/*.py under ferropy and under CPython 3.11 (`python3`) and compares
stdout, the last line of stderr (the exception line) and the exit code. Stored expectations
are not used: CPython is the oracle in the same run.

tests/python/KNOWN_FAILING lists scripts that cannot pass yet, one per line as
`name.py  reason` (`#` starts a comment). A listed script that fails is reported as known;
a listed script that passes is an error, so the list stays true.

    python3 tools/run_py_tests.py [--ferropy build/bin/ferropy] [names...]
"""
import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "python"
KNOWN = TESTS / "KNOWN_FAILING"
TIMEOUT = 60
# Same hash seed on both sides: nothing may depend on it, but a difference should not be
# chased down to randomisation.
ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")


def run(cmd, script):
    try:
        r = subprocess.run(cmd + [script.name], capture_output=True, timeout=TIMEOUT,
                           cwd=script.parent, stdin=subprocess.DEVNULL, env=ENV)
        out = r.stdout.decode("utf-8", "backslashreplace")
        err = r.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
        return r.returncode, out, err[-1] if err else ""
    except subprocess.TimeoutExpired:
        return "timeout", "", f"timed out after {TIMEOUT}s"


def compare(script, ferropy, cpython):
    ours, theirs = run([ferropy], script), run([cpython], script)
    problems = []
    if ours[0] != theirs[0]:
        problems.append(f"exit code {ours[0]} (CPython {theirs[0]})")
    if ours[1] != theirs[1]:
        d = difflib.unified_diff(theirs[1].splitlines(True), ours[1].splitlines(True), "cpython", "ferropy", n=2)
        problems.append("stdout differs:\n" + "".join(d)[:4000])
    if ours[2] != theirs[2]:
        problems.append(f"last stderr line: {ours[2]!r} (CPython {theirs[2]!r})")
    return script, problems


def known_failing():
    """{name: reason} from KNOWN_FAILING."""
    out = {}
    if KNOWN.exists():
        for line in KNOWN.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                name, _, reason = line.partition(" ")
                out[name] = reason.strip()
    return out


def can_run_code(ferropy):
    try:
        r = subprocess.run([ferropy, "-c", "pass"], capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        return r.returncode == 0, r.stderr.decode(errors="replace").strip()
    except OSError as e:
        return False, str(e)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ferropy", default=str(ROOT / "build" / "bin" / "ferropy"))
    ap.add_argument("--cpython", default="python3")
    ap.add_argument("-q", action="store_true", help="print only failures and the summary")
    ap.add_argument("names", nargs="*", help="scripts to run (name or name.py; default: all)")
    args = ap.parse_args()
    ferropy = str(Path(args.ferropy).resolve())
    wanted = {n if n.endswith(".py") else n + ".py" for n in args.names}
    scripts = [p for p in sorted(TESTS.glob("*.py")) if not wanted or p.name in wanted]
    known = known_failing()
    stale = sorted(n for n in known if not (TESTS / n).exists())
    if stale:
        print(f"KNOWN_FAILING names scripts that do not exist: {', '.join(stale)}")
        return 1
    ok, why = can_run_code(ferropy)
    if not ok:
        print(f"python-tests: SKIPPED: `{ferropy} -c pass` fails, ferropy cannot run Python code yet ({why.splitlines()[-1] if why else 'no message'})")
        return 0
    passed = failed = known_failed = 0
    bad = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for script, problems in pool.map(lambda s: compare(s, ferropy, args.cpython), scripts):
            name = script.name
            if name in known:
                if problems:
                    known_failed += 1
                    if not args.q:
                        print(f"known {name}: {known[name]}")
                else:
                    failed += 1
                    bad.append(name)
                    print(f"FAIL {name}: passes but is listed in KNOWN_FAILING (remove it)")
            elif problems:
                failed += 1
                bad.append(name)
                print(f"FAIL {name}\n  " + "\n  ".join(p.replace("\n", "\n  ") for p in problems))
            else:
                passed += 1
                if not args.q:
                    print(f"ok   {name}")
    print(f"python-tests: {passed} passed, {known_failed} known failing, {failed} failed" + (f" ({', '.join(bad)})" if bad else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
