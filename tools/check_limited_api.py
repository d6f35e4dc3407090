#!/usr/bin/env python3
"""Checks that ferropy's headers honour Py_LIMITED_API as CPython's do.

`#include <Python.h>` is preprocessed against CPython 3.11's headers and against ours, with
and without `-DPy_LIMITED_API=...`. Every `Py`/`_Py`/`PY` identifier ours declare or define
(macros included) must also be visible in CPython's headers in the same mode: under the
limited API we must not expose what CPython hides, and in full mode we must not invent names.
It also prints how many of CPython's names we do not have yet (coverage, not a failure)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IDENT = re.compile(r"\b_{0,2}(?:Py|PY)\w*")
# ferropy's own helpers (pyport.h guards, generated-header guard, version macro).
OURS_ONLY = re.compile(r"^(_Py_LIMITED_API_BEFORE_3_\d+|FERROPY_\w+)$")
# Deliberate extra names, each with the reason it cannot be avoided.
ALLOWED_EXTRA = {
    "_PyStatus_type": "CPython's PyStatus._type is an anonymous enum; cbindgen must name it",
}
MODES = {"full": [], "limited 3.2": ["-DPy_LIMITED_API"], "limited 3.11": ["-DPy_LIMITED_API=0x030B0000"]}


def names(include_flags, defines):
    src = "".join(f"#include <{h}>\n" for h in ("Python.h", "structmember.h", "frameobject.h", "marshal.h", "datetime.h"))
    def cpp(extra):
        r = subprocess.run(["gcc", "-E", *extra, *include_flags, *defines, "-x", "c", "-"],
                           input=src, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("check_limited_api: preprocessing failed:\n" + r.stderr[-3000:])
        return r.stdout
    decls = {m for line in cpp([]).splitlines() if not line.startswith("#") for m in IDENT.findall(line)}
    macros = {line.split()[1].split("(")[0] for line in cpp(["-dM"]).splitlines() if line.startswith("#define")}
    return decls | {m for m in macros if IDENT.fullmatch(m)}


def main():
    ours_flags = ["-I", str(ROOT / "include")]
    cpython_flags = subprocess.run(["python3-config", "--includes"], capture_output=True, text=True,
                                   check=True).stdout.split()
    failed = 0
    for mode, defines in MODES.items():
        ours = {n for n in names(ours_flags, defines) if not OURS_ONLY.match(n) and n not in ALLOWED_EXTRA}
        theirs = names(cpython_flags, defines)
        extra = sorted(ours - theirs)
        print(f"{mode:13} ours {len(ours):5}  CPython {len(theirs):5}  not yet in ours {len(theirs - ours):5}  "
              f"ours but not CPython's {len(extra)}")
        if extra:
            failed += 1
            print("  exposed by ferropy but not by CPython in this mode: " + ", ".join(extra[:60]))
    print(f"limited-api: {len(MODES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
