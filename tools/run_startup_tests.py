#!/usr/bin/env python3
"""Start-up under ferropy and under CPython 3.11 (`python3`, whose prefix ferropy mirrors):
the default `sys.path` (script directory, PYTHONPATH, the standard library, site-packages),
`-S`/`-s`/`-I`/`-E`, the user site (`PYTHONUSERBASE`, `PYTHONNOUSERSITE`), `.pth` files,
`sitecustomize`/`usercustomize`, and the `site` builtins (`exit`, `quit`, `help`, ...).
Each case runs in a scratch tree (a script directory, a PYTHONPATH directory, a user base)
and compares exit code, stdout and stderr (the interpreter's path replaced by `PYTHON`,
the scratch directory by `TMP`).

    python3 tools/run_startup_tests.py [--ferropy build/bin/ferropy]
"""
import argparse
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# CPython runs these standard modules frozen: its tracebacks show `<frozen NAME>` and no
# source line where ferropy, which loads them from Lib, shows the file and the line.
FROZEN = ("site", "_sitebuiltins", "os", "posixpath", "genericpath", "stat", "codecs", "io",
          "abc", "_collections_abc", "runpy")
SHOW_PATH = "import sys; print(sys.path)"
FLAGS = "import sys; f = sys.flags; print(f.no_site, f.no_user_site, f.isolated, f.ignore_environment)"
STREAMS = ("import sys; print([(s.encoding, s.errors, s.line_buffering, s.write_through, type(s.buffer).__name__) "
           "for s in (sys.stdin, sys.stdout, sys.stderr)], sys.getfilesystemencoding())")
MAIN_STATE = "import __main__; print(repr(__main__), list(globals()), __main__.__loader__)"
SITE_STATE = "import site, sys; print(site.ENABLE_USER_SITE, site.USER_SITE, site.USER_BASE, 'marker' in sys.modules)"

# The scratch tree: files relative to the scratch directory and their text.
TREE = {
    "scripts/show_path.py": SHOW_PATH + "\nprint(__file__)\n",
    "scripts/exit_quit.py": "print(repr(exit), repr(quit))\nquit(7)\n",
    "modpath/showmod.py": SHOW_PATH + "\n",
    "pp/sitecustomize.py": "print('sitecustomize ran')\n",
    "bad_custom/sitecustomize.py": "import no_such_module_here\n",
    "failing_custom/sitecustomize.py": "1/0\n",
    # A user base whose site-packages has a .pth (a directory, an import line, a comment,
    # a missing directory) and a usercustomize.
    "ub/lib/python3.11/site-packages/extra.pth":
        "# comment\n../../../../ubextra\nimport sys; sys.modules['marker'] = 1\n/nonexistent/dir\n",
    "ub/lib/python3.11/site-packages/usercustomize.py": "print('usercustomize ran')\n",
    "ubextra/from_pth.py": "",
    # A directory given to site.addsitedir: .pth files are read in sorted order.
    "sd/b.pth": "../sd_b\n",
    "sd/a.pth": "../sd_a\n../sd_a\n",
    "sd/c.pth": "import sys; print('c.pth import line', file=sys.stderr)\n",
    "sd/d.pth": "bad line that raises\nimport no_such_module_pth\n",
    "sd_a/.keep": "",
    "sd_b/.keep": "",
}

ADDSITEDIR = ("import site, sys; before = list(sys.path); known = site.addsitedir('sd'); "
              "print([p for p in sys.path if p not in before]); print(sorted(known or ()))")

# (arguments, extra environment, stdin text or None)
CASES = [
    (["-c", SHOW_PATH], {}),
    (["-S", "-c", SHOW_PATH], {}),
    (["-s", "-c", SHOW_PATH], {}),
    (["-I", "-c", SHOW_PATH], {}),
    (["-c", SHOW_PATH], {"PYTHONPATH": "TMP/pp:TMP/nonexistent::TMP/modpath"}),
    (["-E", "-c", SHOW_PATH], {"PYTHONPATH": "TMP/pp"}),
    (["-I", "-c", SHOW_PATH], {"PYTHONPATH": "TMP/pp", "PYTHONUSERBASE": "TMP/ub"}),
    (["scripts/show_path.py"], {}),
    (["-I", "scripts/show_path.py"], {}),
    (["-S", "scripts/show_path.py"], {"PYTHONPATH": "TMP/modpath"}),
    (["-m", "showmod"], {"PYTHONPATH": "TMP/modpath"}),
    (["-I", "-m", "showmod"], {"PYTHONPATH": "TMP/modpath"}),
    (["-c", FLAGS], {}),
    (["-S", "-c", FLAGS], {}),
    (["-s", "-c", FLAGS], {}),
    (["-I", "-c", FLAGS], {}),
    (["-E", "-c", FLAGS], {}),
    (["-c", FLAGS], {"PYTHONNOUSERSITE": "1"}),
    # The user site: present (its .pth and usercustomize run), disabled by -s, -I,
    # PYTHONNOUSERSITE; PYTHONUSERBASE ignored under -E.
    (["-c", SHOW_PATH], {"PYTHONUSERBASE": "TMP/ub"}),
    (["-c", SITE_STATE], {"PYTHONUSERBASE": "TMP/ub"}),
    (["-s", "-c", SITE_STATE], {"PYTHONUSERBASE": "TMP/ub"}),
    (["-c", SITE_STATE], {"PYTHONUSERBASE": "TMP/ub", "PYTHONNOUSERSITE": "x"}),
    (["-E", "-c", "import site; print(site.USER_BASE == 'TMP/ub')"], {"PYTHONUSERBASE": "TMP/ub"}),
    (["-S", "-c", "import site, sys; print(site.ENABLE_USER_SITE, 'exit' in dir(__builtins__))"], {}),
    # sitecustomize found on PYTHONPATH; one whose import fails; one that raises.
    (["-c", "import sys; print('sitecustomize' in sys.modules)"], {"PYTHONPATH": "TMP/pp"}),
    (["-S", "-c", "import sys; print('sitecustomize' in sys.modules)"], {"PYTHONPATH": "TMP/pp"}),
    (["-c", "print('main')"], {"PYTHONPATH": "TMP/bad_custom"}),
    (["-c", "print('main')"], {"PYTHONPATH": "TMP/failing_custom"}),
    # .pth files through site.addsitedir (relative and duplicate lines, import lines, errors).
    (["-c", ADDSITEDIR], {}),
    # The builtins site adds.
    (["-c", "print(repr(exit), repr(quit), repr(copyright)[:40], repr(credits)[:30])"], {}),
    (["-c", "print(repr(license), repr(help))"], {}),
    (["-c", "print(type(exit).__name__, type(help).__name__, type(license).__name__, exit.name, quit.eof)"], {}),
    (["-c", "exit()"], {}),
    (["-c", "exit(3)"], {}),
    (["-c", "quit('bye')"], {}),
    (["scripts/exit_quit.py"], {}),
    (["-c", "import sys; sys.stdin.close(); exit(5)"], {}),
    (["-S", "-c", "exit(3)"], {}),
    (["-i", "-q"], {}, "exit(4)\n"),
    (["-i", "-q"], {}, "print('before'); quit()\nprint('after')\n"),
    # Standard streams: codec names as the codec registry spells them, errors, buffering.
    (["-c", STREAMS], {}),
    (["-u", "-c", STREAMS], {}),
    (["-c", STREAMS], {"PYTHONUNBUFFERED": "1"}),
    (["-c", STREAMS], {"PYTHONIOENCODING": "latin-1"}),
    (["-c", STREAMS], {"PYTHONIOENCODING": "LATIN1:backslashreplace"}),
    (["-c", STREAMS], {"PYTHONIOENCODING": "utf8"}),
    (["-c", STREAMS], {"PYTHONIOENCODING": "UTF_8:replace"}),
    (["-c", STREAMS], {"PYTHONIOENCODING": ":ignore"}),
    (["-c", STREAMS], {"PYTHONIOENCODING": "ISO_8859_15"}),
    (["-c", STREAMS], {"PYTHONIOENCODING": "cp1252:"}),
    (["-E", "-c", STREAMS], {"PYTHONIOENCODING": "latin-1"}),
    (["-c", "print('\\xe9\\u20ac')"], {"PYTHONIOENCODING": "latin-1:replace"}),
    (["-c", "print(1)"], {"PYTHONIOENCODING": "no-such-codec"}),
    # __main__: its repr through BuiltinImporter.module_repr, its initial globals.
    (["-c", MAIN_STATE], {}),
    (["-S", "-c", MAIN_STATE], {}),
    (["-W", "error", "-c", "import __main__; print(repr(__main__))"], {}),
    (["-W", "always", "-c", "import __main__; print(repr(__main__))"], {}),
    (["-"], {}, MAIN_STATE + "\n"),
    (["-c", "import sys; print(repr(sys.modules['__main__']), repr(sys), repr(sys.modules['builtins']))"], {}),
]


def make_tree(base):
    for rel, text in TREE.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def run(exe, args, env_extra, stdin, tmp):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", HOME=str(tmp / "home"))
    env.update({k: v.replace("TMP", str(tmp)) for k, v in env_extra.items()})
    args = [a.replace("'TMP/", f"'{tmp}/") for a in args]
    r = subprocess.run([exe] + args, capture_output=True, cwd=tmp, env=env, timeout=60,
                       input=(stdin or "").encode())
    clean = lambda b: re.sub(r"Current thread 0x[0-9a-f]+", "Current thread 0xTHREAD",
                             b.decode("utf-8", "backslashreplace").replace(exe, "PYTHON").replace(str(tmp), "TMP"))
    return r.returncode, clean(r.stdout), frozen_frames(clean(r.stderr))


def frozen_frames(text):
    """Traceback frames of the modules CPython freezes, written as CPython writes them."""
    stdlib = re.escape(sysconfig.get_paths()["stdlib"])
    frame = re.compile(rf'^(\s*)File "{stdlib}/({"|".join(FROZEN)})\.py", (line \d+, in .*)\n\1  \S.*\n', re.M)
    return frame.sub(lambda m: f'{m[1]}File "<frozen {m[2]}>", {m[3]}\n', text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferropy", default=str(ROOT / "build" / "bin" / "ferropy"))
    ap.add_argument("--python", default="python3")
    opts = ap.parse_args()
    ferropy = os.path.abspath(opts.ferropy)
    cpython = subprocess.run([opts.python, "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ferropy-startup-") as d:
        tmp = Path(os.path.realpath(d))
        make_tree(tmp)
        for args, env_extra, *stdin in CASES:
            stdin = stdin[0] if stdin else None
            ours = run(ferropy, args, env_extra, stdin, tmp)
            theirs = run(cpython, args, env_extra, stdin, tmp)
            if ours != theirs:
                failures += 1
                print(f"FAIL {env_extra} {' '.join(args)}")
                for label, a, b in zip(("exit code", "stdout", "stderr"), ours, theirs):
                    if a != b:
                        print(f"  {label}: ferropy {a!r}\n  {' ' * len(label)}  CPython {b!r}")
    print(f"startup: {len(CASES) - failures}/{len(CASES)} start-up cases match CPython")
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
