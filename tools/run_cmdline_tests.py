#!/usr/bin/env python3
"""Runs command lines under ferropy and under CPython 3.11 (`python3`) in
tests/cmdline/fixtures and compares stdout, stderr (the interpreter's path replaced by
`PYTHON`) and the exit code: `-m` module running, `-c`, scripts, stdin, option handling.

    python3 tools/run_cmdline_tests.py [--ferropy build/bin/ferropy]
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "cmdline" / "fixtures"
ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")

# (arguments, stdin text or None); a third element "last-line" compares only the last line
# of stderr (CPython's traceback shows frames of its own `<frozen runpy>` there).
CASES = [
    (["-m", "mod_plain", "a", "b"], None),
    (["-m", "pkg"], None),
    (["-m", "pkg.sub", "x"], None),
    (["-m", "pkg_nomain"], None),
    (["-m", "nosuch"], None),
    (["-m", "sys"], None),
    (["-m", "nosuch.x"], None),
    (["-m", "pkg.nosuch"], None),
    (["-m", ".relative"], None),
    (["-m", "pkg_err.x"], None, "last-line"),
    (["-m"], None),
    (["-c", "import sys; print(sys.argv)", "a", "-b"], None),
    (["-c"], None),
    (["script.py", "1", "2"], None),
    (["-", "arg"], "import sys; print('stdin', sys.argv, __name__)\n"),
    (["nosuchscript.py"], None),
    (["-B", "-s", "-E", "-c", "import sys; f = sys.flags; print(f.dont_write_bytecode, f.no_user_site, f.ignore_environment)"], None),
    (["-I", "-c", "import sys; f = sys.flags; print(f.isolated, f.no_user_site, f.ignore_environment)"], None),
    (["-O", "-c", "import sys; print(sys.flags.optimize, __debug__)"], None),
    (["-OO", "-c", "import sys; print(sys.flags.optimize)"], None),
    (["-i", "-c", "x = 5"], "x * 2\n"),
    (["-q", "-i"], "x = (1,\n2)\nx\nif x:\n  y = 5\n\ny\nfor i in range(2): print(i)\n\n"
                   "@staticmethod\ndef f(): pass\n\n'''a\nb'''\n_\nclass A:\n  def f(self):\n    return 1\n\nA().f()\n"
                   "1/0\nimport sys; sys.ps1 = 'py> '\nprint('end')\n"),
    (["-q", "-i", "-c", "import sys; sys.exit(4)"], "print('unreached')\n"),
    (["-V"], None),
    (["--version"], None),
    (["-Q"], None),
    (["--nosuch"], None),
]


def run(exe, args, stdin):
    r = subprocess.run([exe] + args, capture_output=True, cwd=FIXTURES, env=ENV, timeout=60,
                       input=(stdin or "").encode())
    out = r.stdout.decode("utf-8", "backslashreplace")
    err = r.stderr.decode("utf-8", "backslashreplace").replace(exe, "PYTHON")
    return r.returncode, out, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferropy", default=str(ROOT / "build" / "bin" / "ferropy"))
    ap.add_argument("--python", default="python3")
    opts = ap.parse_args()
    ferropy = os.path.abspath(opts.ferropy)
    cpython = subprocess.run([opts.python, "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    failures = 0
    for args, stdin, *how in CASES:
        ours, theirs = run(ferropy, args, stdin), run(cpython, args, stdin)
        if how == ["last-line"]:
            ours, theirs = [(r[0], r[1], r[2].strip().splitlines()[-1:]) for r in (ours, theirs)]
        if ours != theirs:
            failures += 1
            print(f"FAIL {' '.join(args)}")
            for label, a, b in zip(("exit code", "stdout", "stderr"), ours, theirs):
                if a != b:
                    print(f"  {label}: ferropy {a!r}\n  {' ' * len(label)}  CPython {b!r}")
    print(f"cmdline: {len(CASES) - failures}/{len(CASES)} command lines match CPython")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
