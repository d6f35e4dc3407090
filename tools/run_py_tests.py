#!/usr/bin/env python3
"""Runs each tests/python/*.py under ferropy and under CPython 3.11 (`python3`) and compares
stdout, the last line of stderr, and the exit code. Stored expectations are not used: CPython
is the oracle in the same run.

Until the eval loop lands there are no scripts here, and the runner says so."""
import argparse
import concurrent.futures
import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "python"
TIMEOUT = 120


def run(cmd, script):
    try:
        r = subprocess.run(cmd + [str(script)], capture_output=True, text=True, timeout=TIMEOUT,
                           cwd=script.parent, stdin=subprocess.DEVNULL)
        last = r.stderr.strip().splitlines()[-1:] or [""]
        return r.returncode, r.stdout, last[0]
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


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ferropy", default="build/bin/ferropy")
    ap.add_argument("--cpython", default="python3")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    ferropy = str(Path(args.ferropy).resolve())
    scripts = [p for p in sorted(TESTS.glob("*.py")) if not args.names or p.stem in args.names]
    if not scripts:
        print("python tests: nothing to run (tests/python/ has no scripts until the eval loop lands)")
        return 0
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for script, problems in pool.map(lambda s: compare(s, ferropy, args.cpython), scripts):
            if problems:
                failed += 1
                print(f"FAIL {script.name}\n  " + "\n  ".join(p.replace("\n", "\n  ") for p in problems))
            else:
                passed += 1
                print(f"ok   {script.name}")
    print(f"python-tests: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
